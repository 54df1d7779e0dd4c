# The account page.

account-title = Your account
account-unconfirmed-before = Your email address,
# Follows the address, which comes right after account-unconfirmed-before.
account-unconfirmed-after = , is not confirmed yet. Confirm it so password reset links reach you.
account-resend = Send me a confirmation link
account-profile-title = Profile
account-name = Your name
account-email = Email
account-email-hint = A new address changes once you open the link we send to it.
account-zone = Home time zone
account-zone-none = Not chosen (UTC)
account-zone-hint = New trips start in this zone, and your trips list counts days from here.
account-password = Your password
account-password-hint = Needed only to change your email.
account-profile-save = Save profile
account-appearance-title = Appearance
account-theme = Theme
account-theme-system = Match this device
account-theme-light = Light
account-theme-dark = Dark
account-theme-save = Save theme
account-language-title = Language
account-language-legend = Show the site and send my emails in
account-language-hint = Until you choose, pages follow your browser’s languages.
account-language-save = Save language
account-password-title = Change password
account-current-password = Current password
account-new-password = New password
account-new-password-hint = At least 8 characters. Changing it logs you out on your other devices.
account-confirm-password = Confirm new password
account-password-save = Change password

# The account page's “Your data” part.

account-data-title = Your data
account-data-text = Download everything your account holds — your profile, and every trip with its activities — as one JSON file.
account-data-download = Download my data
# Followed by a link (account-data-import-link).
account-data-import = Have a trip from another Travel Planner, or one you exported before?
account-data-import-link = Import trips from a JSON file…
# Followed by a link (account-data-delete-link).
account-data-delete = Deleting your account removes it and all your trips for good.
account-data-delete-link = Delete my account…

# Deleting the account.

account-delete-title = Delete your account
account-delete-heading = Delete your account?
account-delete-text = This deletes your account, every trip and everything planned in them, and logs you out on all your devices. It can’t be undone.
# Followed by a link (account-delete-export-link), then account-delete-export-end.
account-delete-export = You may want to
account-delete-export-link = download your data
account-delete-export-end = { " " }first.
account-delete-password = Your password
account-delete-confirm = I understand that my account and all my trips will be deleted for good.
account-delete-submit = Delete my account
account-delete-keep = Keep my account
account-delete-shared = You share some of your trips:
account-delete-goes-to = “{ $trip }” goes to { $owner }, its longest-standing editor.
account-delete-no-heir = “{ $trip }” has no editor to take it over: it is deleted, and its viewers lose it.

# After the account is deleted.

account-goodbye-title = Your account is deleted
account-goodbye-text = Your account, your trips and everything planned in them are gone, and you are logged out on every device. Thank you for travelling with us.
account-goodbye-home = Back to the start

# Messages shown on the next page after saving the account page.

account-flash-email-sent = Your profile is saved. We sent a link to { $email }: your email changes when you open it.
account-flash-resent = We sent a new confirmation link. It works for 7 days.
account-flash-saved = Your profile is saved.
account-flash-password = Your password is changed. You’ve been logged out everywhere else.

# Words shared by the sign-up, log-in and password pages.

auth-email = Email
auth-password = Password
auth-your-name = Your name
auth-confirm-password = Confirm password
auth-new-password = New password
auth-confirm-new-password = Confirm new password
auth-have-account = Already have an account?
auth-log-in = Log in
auth-checking-link = Checking your link…

# The sign-up page, and its “check your inbox” answer.

auth-signup-title = Sign up
auth-signup-heading = Create your account
auth-signup-intro = Plan trips, lay out each day and keep the budget in view.
auth-signup-name-hint = Shown to the people you share trips with.
auth-signup-password-hint = At least 8 characters. A few unrelated words make a strong one.
auth-signup-submit = Create account
auth-sent-title = Check your inbox
auth-sent-text = We sent a link to the address you gave. Open it to finish creating your account: it works for 24 hours.
# Followed by a link (auth-sent-again) and then auth-sent-end.
auth-sent-spam = Nothing there after a few minutes? Look in your spam folder, or
auth-sent-again = sign up again
auth-sent-end = .

# The page the sign-up email links to.

auth-finish-title = Finish signing up
auth-finish-text = Your address is confirmed by this link. One click and your account is ready.
auth-finish-submit = Create my account
auth-finish-invalid = This sign-up link has expired or was already used. Sign up again to get a new one.
auth-finish-again = Sign up again

# The log-in page.

auth-login-heading = Welcome back
auth-login-forgot = Forgot your password?
auth-login-new = New here?
auth-login-create = Create an account

# Asking for a password reset link.

auth-forgot-title = Forgot your password?
auth-forgot-sent = If that address has an account, a reset link is on its way. It works for one hour.
auth-forgot-intro = Enter your email and we’ll send you a link to choose a new password.
auth-forgot-submit = Send reset link
auth-forgot-back = Back to log in

# The page the reset email links to.

auth-reset-title = Choose a new password
auth-reset-password-hint = At least 8 characters.
auth-reset-submit = Save new password
auth-reset-invalid = This reset link has expired or was already used. Ask for a new one below.
auth-reset-again = Send me a new link

# The page the confirmation email links to.

auth-verify-title = Confirm your email
auth-verify-text = One click and your address is confirmed.
auth-verify-submit = Confirm my email

# Messages shown on the next page after signing up or confirming an address.

auth-flash-welcome = Welcome! Your account is ready: plan your first trip.
auth-flash-email-changed = Your email address is changed.
auth-flash-email-confirmed = Your email address is confirmed.

# The account page.

account-language-title = Language
account-language-legend = Show the site and send my emails in
account-language-hint = Until you choose, pages follow your browser’s languages.
account-language-save = Save language

# La page du compte.

account-language-title = Langue
account-language-legend = Afficher le site et envoyer mes e-mails en
account-language-hint = Tant que vous n’avez rien choisi, les pages suivent les langues de votre navigateur.
account-language-save = Enregistrer la langue

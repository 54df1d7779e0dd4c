# La page du compte.

account-title = Votre compte
account-unconfirmed-before = Votre adresse e-mail,
# Suit l’adresse, placée juste après account-unconfirmed-before.
account-unconfirmed-after = , n’est pas encore confirmée. Confirmez-la pour recevoir les liens de réinitialisation du mot de passe.
account-resend = M’envoyer un lien de confirmation
account-profile-title = Profil
account-name = Votre nom
account-email = E-mail
account-email-hint = Une nouvelle adresse n’est prise en compte qu’une fois ouvert le lien que nous y envoyons.
account-zone = Votre fuseau horaire
account-zone-none = Non choisi (UTC)
account-zone-hint = Les nouveaux voyages commencent dans ce fuseau, et votre liste de voyages compte les jours à partir de celui-ci.
account-password = Votre mot de passe
account-password-hint = Nécessaire uniquement pour changer votre adresse e-mail.
account-profile-save = Enregistrer le profil
account-appearance-title = Apparence
account-theme = Thème
account-theme-system = Selon l’appareil
account-theme-light = Clair
account-theme-dark = Sombre
account-theme-save = Enregistrer le thème
account-language-title = Langue
account-language-legend = Afficher le site et envoyer mes e-mails en
account-language-hint = Tant que vous n’avez rien choisi, les pages suivent les langues de votre navigateur.
account-language-save = Enregistrer la langue
account-password-title = Changer de mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-new-password-hint = Au moins 8 caractères. Le changer vous déconnecte de vos autres appareils.
account-confirm-password = Confirmer le nouveau mot de passe
account-password-save = Changer le mot de passe

# La partie « Vos données » de la page du compte.

account-data-title = Vos données
account-data-text = Téléchargez tout ce que contient votre compte — votre profil, et chaque voyage avec ses activités — dans un seul fichier JSON.
account-data-download = Télécharger mes données
# Suivi d’un lien (account-data-import-link).
account-data-import = Vous avez un voyage venant d’un autre Travel Planner, ou que vous avez exporté auparavant ?
account-data-import-link = Importer des voyages depuis un fichier JSON…
# Suivi d’un lien (account-data-delete-link).
account-data-delete = Supprimer votre compte l’efface définitivement, avec tous vos voyages.
account-data-delete-link = Supprimer mon compte…

# Supprimer le compte.

account-delete-title = Supprimer votre compte
account-delete-heading = Supprimer votre compte ?
account-delete-text = Cela supprime votre compte, chaque voyage et tout ce qui y est prévu, et vous déconnecte de tous vos appareils. C’est irréversible.
# Suivi d’un lien (account-delete-export-link), puis de account-delete-export-end.
account-delete-export = Vous voudrez peut-être d’abord
account-delete-export-link = télécharger vos données
account-delete-export-end = .
account-delete-password = Votre mot de passe
account-delete-confirm = Je comprends que mon compte et tous mes voyages seront définitivement supprimés.
account-delete-submit = Supprimer mon compte
account-delete-keep = Garder mon compte
account-delete-shared = Vous partagez certains de vos voyages :
account-delete-goes-to = « { $trip } » revient à { $owner }, la personne qui le modifie avec vous depuis le plus longtemps.
account-delete-no-heir = « { $trip } » n’a personne pour le reprendre parmi ceux qui le modifient : il est supprimé, et les personnes qui le consultaient n’y ont plus accès.

# Après la suppression du compte.

account-goodbye-title = Votre compte est supprimé
account-goodbye-text = Votre compte, vos voyages et tout ce qui y était prévu ont été supprimés, et toutes vos sessions sont fermées. Merci d’avoir voyagé avec nous.
account-goodbye-home = Retour à l’accueil

# Messages affichés sur la page suivante après un enregistrement sur la page du compte.

account-flash-email-sent = Votre profil est enregistré. Nous avons envoyé un lien à { $email } : votre adresse e-mail changera dès que vous l’ouvrirez.
account-flash-resent = Nous vous avons envoyé un nouveau lien de confirmation. Il est valable 7 jours.
account-flash-saved = Votre profil est enregistré.
account-flash-password = Votre mot de passe est modifié. Vos autres appareils ont été déconnectés.

# Role names (members page, invitation page).

members-role-owner = Propriétaire
members-role-editor = Éditeur
members-role-viewer = Lecteur

# The members page.

members-title = Membres
members-loading = Chargement des membres…
members-you-are-owner = Vous êtes propriétaire de ce voyage.
members-you-are-editor = Vous êtes éditeur de ce voyage.
members-you-are-viewer = Vous êtes lecteur de ce voyage.
members-see-history = Voir son historique
# After the traveler’s own name in the list.
members-you = (vous)
members-roles-summary = Ce que permet chaque rôle
members-roles-owner = Tout : modifier le voyage et son programme, inviter des personnes, le partager, le supprimer.
members-roles-editor = Modifier les informations du voyage et son programme.
members-roles-viewer = Voir le voyage et son programme, sans rien modifier.
# The label of the role menu, for screen readers.
members-role-of = Rôle de { $name }
members-change-role = Changer le rôle
members-make-owner = Rendre propriétaire
# Read by screen readers after “Make owner” (members-make-owner).
members-make-owner-who = { "\u00A0" }: { $name }
members-remove = Retirer
# Read by screen readers after “Remove” (members-remove).
members-remove-who = { " " }{ $name }
members-leave-heading = Quitter ce voyage
members-leave-text = Vous ne le verrez plus. Son propriétaire pourra vous inviter à nouveau.
members-leave-submit = Quitter le voyage

# The members page: inviting someone.

members-invite-heading = Inviter quelqu’un
members-invite-text = La personne reçoit un e-mail avec un lien valable 7 jours. Elle peut aussi s’en servir pour créer un compte.
members-invite-email = Adresse e-mail
members-invite-role = Rôle
members-invite-as-editor = Éditeur — modifie le voyage et son programme
members-invite-as-viewer = Lecteur — peut seulement les consulter
members-invite-submit = Envoyer l’invitation

# The members page: invitations waiting for an answer.

members-pending-heading = En attente de réponse
members-pending-none = Aucune invitation en attente.
members-pending-until = Lien valable jusqu’au { $date }
members-resend = Renvoyer
# Read by screen readers after “Send again” (members-resend).
members-resend-to = { " " }à { $email }
members-withdraw = Retirer
# Read by screen readers after “Withdraw” (members-withdraw).
members-withdraw-to = { " " }l’invitation envoyée à { $email }

# The members page: the share link.

members-share-heading = Partager un lien en lecture seule
members-share-none = Toute personne disposant d’un lien de partage peut voir le voyage et son programme, sans compte. Ce lien n’est répertorié nulle part.
members-share-since = Un lien en lecture seule existe depuis le { $date }.
# After members-share-since: what the link shows.
members-share-shows-plan = Il montre le programme.
members-share-shows-budget = Il montre le programme, le budget et les coûts.
members-share-shows-notes = Il montre le programme et les notes.
members-share-shows-all = Il montre le programme, le budget, les coûts et les notes.
members-share-new = Votre nouveau lien — copiez-le maintenant : il ne s’affiche qu’une fois
members-share-budget = Afficher le budget et les coûts
members-share-notes = Afficher les notes
members-share-make = Créer un lien
members-share-replace = Remplacer le lien
members-share-delete = Supprimer le lien

# Messages shown on the next page after a change.

members-flash-invited = Invitation envoyée à { $email }.
members-flash-resent = Invitation renvoyée à { $email }.
members-flash-withdrawn = Invitation retirée : son lien ne fonctionne plus.
members-flash-role-changed = Rôle modifié.
members-flash-removed = Membre retiré du voyage.
members-flash-handed-over = Le voyage a changé de propriétaire ; vous en êtes désormais éditeur.
members-flash-left = Vous avez quitté le voyage.
members-flash-link-deleted = Le lien de partage a été supprimé : il ne fonctionne plus.
members-flash-joined = Vous avez rejoint le voyage.
members-flash-declined = Invitation refusée.
members-flash-welcome = Bienvenue ! Vous avez rejoint le voyage.

# The page an invitation email links to.

members-invitation-title = Invitation
members-invitation-invalid-heading = Cette invitation n’est plus valable
members-invitation-invalid = Ce lien d’invitation n’est plus valable : il a peut-être déjà été utilisé, retiré, ou il a expiré. Demandez à la personne qui vous a invité de vous en envoyer un nouveau.
members-invitation-home = Aller à l’accueil
members-invitation-heading = Planifier « { $trip } » ensemble
members-invitation-as-owner = { $inviter } vous a invité à rejoindre { $trip } ({ $destination }) en tant que propriétaire.
members-invitation-as-editor = { $inviter } vous a invité à rejoindre { $trip } ({ $destination }) en tant qu’éditeur.
members-invitation-as-viewer = { $inviter } vous a invité à rejoindre { $trip } ({ $destination }) en tant que lecteur.
members-invitation-join = Rejoindre le voyage
members-invitation-decline = Refuser
# Followed by a link (members-invitation-log-in).
members-invitation-have-account = Vous avez déjà un compte ?
members-invitation-log-in = Se connecter pour accepter
# Followed by the “Decline” button.
members-invitation-not-you = Ce n’est pas pour vous ?
members-signup-heading = Créer votre compte
members-signup-email = E-mail
members-signup-email-hint = L’adresse à laquelle l’invitation a été envoyée.
members-signup-name = Votre nom
members-signup-password = Mot de passe
members-signup-password-hint = Au moins 8 caractères.
members-signup-confirm = Confirmer le mot de passe
members-signup-submit = Créer le compte et rejoindre

# The trip behind a share link.

members-shared-loading = Chargement du voyage…
members-shared-banner = Un voyage partagé avec vous, en lecture seule.

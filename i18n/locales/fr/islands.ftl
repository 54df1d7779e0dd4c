# Les mots des parties interactives des pages (le serveur les fournit).

# L’indication en direct du champ de mot de passe (inscription, nouveau mot de passe).
island-password-too-short = Trop court
island-password-enough = Assez long — plus long, c’est plus sûr
island-password-strong = Solide

# La boîte de dialogue avant de supprimer une activité (pages du voyage et du jour).
island-delete-activity-heading = Supprimer « { $title } » ?
island-delete-activity-text = Elle sera retirée du programme. Cette action est irréversible.
island-delete-activity-cancel = Annuler
island-delete-activity-submit = Supprimer l’activité

# La note en direct sur la page d’un voyage quand quelqu’un d’autre le modifie.
island-live-someone = Quelqu’un
island-live-activity-added = { $who } a ajouté « { $summary } ».
island-live-activity-edited = { $who } a modifié « { $summary } ».
island-live-activity-moved = { $who } a déplacé « { $summary } ».
island-live-activity-deleted = { $who } a supprimé « { $summary } ».
island-live-trip-edited = { $who } a modifié les informations du voyage.
island-live-member-joined = { $who } a rejoint le voyage.
island-live-member-left = { $who } a quitté le voyage.
island-live-member-removed = { $who } a retiré { $summary }.
# Le résumé dit qui a maintenant quel rôle (« Ben est maintenant éditeur »).
island-live-roles-changed = { $who } a modifié les rôles : { $summary }.
island-live-share-link-created = { $who } a créé un lien de partage.
island-live-share-link-revoked = { $who } a supprimé le lien de partage.
island-live-other = { $who } a modifié le voyage.
island-live-gone = Ce voyage a été supprimé, ou vous n’en êtes plus membre. Rechargez la page pour voir où en sont les choses.

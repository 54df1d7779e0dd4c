# Commun aux formulaires de voyage et d’activité.

form-cancel = Annuler
form-keep-it = Conserver
form-save = Enregistrer
form-search = Rechercher
form-notes = Notes (facultatif)
form-delete-confirm = Supprimer « { $name } » ?

# Nouveau voyage, modifier le voyage, supprimer le voyage.

form-back-all-trips = ← Tous les voyages
form-back-to-trip = ← Retour au voyage
form-new-trip-title = Nouveau voyage
form-new-trip-heading = Planifier un nouveau voyage
form-new-trip-submit = Créer le voyage
form-edit-trip-title = Modifier { $name }
form-edit-trip-heading = Modifier le voyage
form-edit-trip-shift = Si le premier jour change, décaler toutes les activités prévues du même nombre de jours
form-edit-trip-submit = Enregistrer
form-delete-trip-title = Supprimer { $name }
form-delete-trip-text = Le voyage et tout ce qui y est prévu seront supprimés. Cette action est irréversible.
form-delete-trip-submit = Supprimer le voyage

# Les champs du formulaire de voyage.

form-trip-name = Nom du voyage
form-trip-name-hint = Par exemple « Printemps à Lisbonne ».
form-trip-destination = Destination
form-trip-place = La destination sur la carte (facultatif)
form-trip-start = Premier jour
form-trip-end = Dernier jour
form-trip-zone = Fuseau horaire
form-trip-zone-hint = Les dates et heures de ce voyage suivent ce fuseau, d’où que vous les consultiez.
form-trip-currency = Devise
form-trip-budget = Budget (facultatif)
form-trip-budget-hint = Le total que vous prévoyez de dépenser, p. ex. 1500,50.

# Ajouter, modifier, supprimer une activité.

form-new-activity-title = Ajouter une activité
form-new-activity-submit = Ajouter
form-edit-activity-title = Modifier l’activité
form-edit-activity-submit = Enregistrer
form-delete-activity-title = Supprimer l’activité
form-delete-activity-text = Elle sera retirée du programme du { $day } dans « { $trip } ». Cette action est irréversible.
form-delete-activity-submit = Supprimer l’activité

# Les champs du formulaire d’activité.

form-activity-title = Titre
form-activity-title-hint = Par exemple « Tram 28 vers l’Alfama ».
form-activity-day = Jour
form-activity-day-option = Jour { $number } · { $date }
form-activity-start = Début (facultatif)
form-activity-end = Fin (facultatif)
form-activity-end-hint = Plus tôt que le début : elle se termine le lendemain.
form-activity-kind = Type
form-activity-location = Lieu (facultatif)
form-activity-cost = Coût (facultatif)
# Montants avec un point décimal : une virgule est lue comme séparateur des milliers.
form-activity-cost-hint = Dans la devise du voyage, p. ex. 25,50.
form-activity-cost-hint-whole = Dans la devise du voyage, en unités entières, p. ex. 2500.
form-activity-place = Sur la carte (facultatif)

# Le lieu dans les formulaires de voyage et d’activité.

form-place-find = Chercher un lieu par son nom
form-place-find-hint = Un site, un restaurant, un hôtel ou une adresse, p. ex. « Torre de Belém, Lisbonne ».
form-place-chosen = Lieu choisi :
form-place-remove = Retirer ce lieu de la carte
form-place-by-hand = Saisir la position à la main
form-latitude = Latitude
form-longitude = Longitude
form-place-picked = « { $place } » figure dans le formulaire ci-dessous. Enregistrez pour le conserver.
form-place-gone = Ce résultat de recherche n’est plus disponible. Recherchez à nouveau le lieu.

# La recherche de lieux.

form-place-search-title = Trouver un lieu
form-place-searching = Recherche en cours…
form-place-search-back = ← Retour au formulaire sans lieu
form-place-search-for-trip = pour la destination du voyage « { $trip } »
form-place-search-for-activity = pour l’activité, dans « { $trip } »
form-place-search-label = Nom du lieu
form-place-search-hint = Un site, un restaurant, un hôtel ou une adresse. Ajoutez la ville pour plus de sûreté, p. ex. « Torre de Belém, Lisbonne ».
form-place-search-start = Cherchez le lieu par son nom, puis choisissez-le parmi les résultats.
form-place-search-too-short = Saisissez au moins 2 lettres du nom du lieu.
form-place-search-off = Ce site n’a pas de recherche de lieux. Vous pouvez tout de même placer un lieu sur la carte en indiquant sa latitude et sa longitude dans le formulaire.
form-place-search-down = La recherche de lieux ne répond pas ; réessayez dans une minute.
form-place-search-none = Aucun lieu trouvé pour « { $query } ». Vérifiez l’orthographe ou ajoutez la ville : « { $query }, Lisbonne ».
form-place-search-count = { $count ->
    [one] { $count } lieu trouvé
   *[other] { $count } lieux trouvés
}
form-place-use = Choisir ce lieu
form-place-use-which = {"\u00A0"}: { $place }

# Messages affichés sur la page suivante après l’enregistrement.

form-trip-created = Voyage créé. Ajoutez des activités à n’importe quel jour ci-dessous.
form-trip-saved = Voyage enregistré.
form-trip-deleted = Voyage supprimé.
form-activity-added = Activité ajoutée.
form-activity-saved = Activité enregistrée.
form-activity-deleted = Activité supprimée.

# Enregistrement refusé, car quelqu’un d’autre a enregistré avant ; $time vaut « 14:02 ».

form-conflict-by = Modifié par { $who } à { $time } depuis que vous l’avez ouvert.
form-conflict-someone = Quelqu’un a modifié ceci depuis que vous l’avez ouvert.
form-field-name = Nom
form-field-budget = Budget
form-field-notes = Notes
form-field-starts = Début
form-field-ends = Fin
form-field-place = Lieu
form-field-category = Type
form-field-cost = Coût
form-field-ends-next-day = Se termine le lendemain

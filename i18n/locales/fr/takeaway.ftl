# À emporter, sous le programme d’un voyage ; la partie calendrier aussi sur la page du compte.

takeaway-title = À emporter
takeaway-calendar = Calendrier
takeaway-feed-ready = Votre adresse de calendrier est prête.
takeaway-feed-once = Abonnez-vous maintenant : pour votre sécurité, nous ne l’affichons que cette fois-ci.
takeaway-feed-subscribe = M’abonner dans mon calendrier
takeaway-feed-address = Adresse du calendrier (pour Google Agenda, Outlook et les autres applications : « ajouter un agenda à partir d’une URL »)
takeaway-feed-copy = Copier
takeaway-feed-anyone-trip = Toute personne disposant de cette adresse peut voir ce voyage. Gardez-la pour vous ; vous pouvez la désactiver à tout moment.
takeaway-feed-anyone-all = Toute personne disposant de cette adresse peut voir tous vos voyages, y compris ceux que vous planifierez plus tard. Gardez-la pour vous ; vous pouvez la désactiver à tout moment.
takeaway-feed-since-trip = Votre calendrier suit ce voyage depuis le { $date } et récupère les modifications dans l’heure.
takeaway-feed-since-all = Votre calendrier suit tous vos voyages, y compris ceux que vous planifierez plus tard, depuis le { $date } et récupère les modifications dans l’heure.
takeaway-feed-lost = Nous n’affichons l’adresse qu’au moment de sa création. Vous l’avez perdue ? Créez-en une nouvelle : l’ancienne cessera de fonctionner.
takeaway-feed-renew = Nouvelle adresse
takeaway-feed-turn-off = Désactiver
takeaway-feed-intro-trip = Retrouvez ce voyage dans le calendrier de votre téléphone : abonnez-vous une fois, et les modifications du programme s’y afficheront d’elles-mêmes.
takeaway-feed-intro-all = Retrouvez tous vos voyages, y compris ceux que vous planifierez plus tard, dans le calendrier de votre téléphone : abonnez-vous une fois, et les modifications du programme s’y afficheront d’elles-mêmes.
takeaway-feed-make = Créer une adresse de calendrier
takeaway-feed-turned-off = L’adresse du calendrier est désactivée. Les calendriers qui y sont abonnés ne seront plus mis à jour.
takeaway-files = Fichiers
takeaway-file-pack = Carnet de voyage
takeaway-file-pack-hint = tout le voyage sur une seule page, à garder sur votre téléphone ou à imprimer ; s’ouvre sans connexion
takeaway-file-ics = Fichier calendrier (.ics)
takeaway-file-ics-hint = une copie ponctuelle du programme pour toute application de calendrier
takeaway-file-gpx = Lieux (GPX)
takeaway-file-gpx-hint = pour les applications de cartes et de randonnée : les lieux et l’itinéraire de chaque jour
takeaway-file-kml = Lieux (KML)
takeaway-file-kml-hint = pour Google Earth et My Maps
takeaway-file-activities = Activités (CSV)
takeaway-file-activities-hint = pour les tableurs : jour, horaires, lieu, type, coût
takeaway-file-budget = Budget (CSV)
takeaway-file-budget-hint = pour les tableurs : coûts par jour et par type
takeaway-file-json = Tout (JSON)
takeaway-file-json-hint = pour l’importer à nouveau dans Travel Planner
takeaway-bring-in = Importer
takeaway-bring-in-text = Ajoutez des événements depuis un fichier de calendrier, ou des lieux depuis un fichier GPX ou KML.
takeaway-bring-in-link = Importer dans ce voyage…

# L’adresse d’abonnement au calendrier, telle qu’une application de calendrier la lit.
takeaway-feed-gone = Cette adresse de calendrier ne fonctionne pas (ou plus). Créez-en une nouvelle sur la page du voyage dans Travel Planner, puis abonnez-vous à celle-ci.
takeaway-feed-failed = Un problème est survenu de notre côté. Votre application de calendrier réessaiera plus tard.
takeaway-feed-all-name = Mes voyages (Travel Planner)

# Les pages d’import, et ce qu’un fichier importé a donné.
takeaway-import-failed = Rien n’a été importé : le fichier comporte des erreurs.
takeaway-import-fix = Corrigez-les et envoyez-le à nouveau.
takeaway-import-more = { $count ->
    [one] …et { $count } autre erreur.
   *[other] …et { $count } autres erreurs.
}
takeaway-import-trips = Importer des voyages
takeaway-import-all-trips = ← Tous les voyages
takeaway-import-trips-text = Choisissez un fichier JSON exporté depuis Travel Planner : le fichier « Tout (JSON) » d’un voyage, ou « Télécharger mes données » depuis votre compte. Chaque voyage qu’il contient devient un nouveau voyage à vous ; rien de ce que vous avez déjà ne change.
takeaway-import-file = Fichier
takeaway-import-up-to = Jusqu’à { $kb } Ko.
takeaway-import-submit = Importer
takeaway-import-cancel = Annuler
takeaway-import-into-title = Importer dans { $trip }
takeaway-import-into = Importer dans « { $trip } »
takeaway-import-into-text = Les événements d’un fichier de calendrier (.ics) deviennent des activités à leurs horaires, dans le fuseau horaire de ce voyage ; les événements des autres jours sont ignorés. Les lieux d’un fichier GPX ou KML sont ajoutés au jour de votre choix.
takeaway-import-kinds = Un fichier de calendrier (.ics), GPX ou KML, jusqu’à { $kb } Ko.
takeaway-import-day = Jour des lieux
takeaway-import-day-option = Jour { $number } · { $date }
takeaway-import-day-hint = Les lieux GPX et KML sont ajoutés à ce jour. Les événements du calendrier gardent leurs propres jours.
takeaway-import-unreadable = Le fichier n’a pas pu être reçu. Réessayez.
takeaway-import-choose = Choisissez un fichier à importer.
takeaway-import-json-here = Un fichier JSON de Travel Planner contient des voyages entiers : importez-le depuis votre liste de voyages (« Importer des voyages »).
takeaway-import-wrong-kind = Choisissez un fichier de calendrier (.ics), GPX ou KML.
takeaway-import-none-inside = { $count ->
    [0] Ce calendrier ne contient aucun événement pendant les dates du voyage.
    [one] Le seul événement de ce calendrier tombe en dehors des dates du voyage.
   *[other] Aucun des { $count } événements de ce calendrier ne tombe pendant les dates du voyage.
}
takeaway-imported-trips = { $count ->
    [one] Voyage importé.
   *[other] { $count } voyages importés.
}
takeaway-imported-activities = { $count ->
    [one] { $count } activité importée.
   *[other] { $count } activités importées.
}
takeaway-imported-left-out = { $count ->
    [one] { $count } événement d’un autre jour a été ignoré.
   *[other] { $count } événements d’autres jours ont été ignorés.
}

# Le carnet de voyage : tout le voyage sur une page à garder.
takeaway-pack-title = { $trip } · Carnet de voyage
takeaway-pack-dates = Dates
takeaway-pack-zone = Fuseau horaire
takeaway-pack-notes = Notes
takeaway-pack-where = Où se trouvent les lieux
takeaway-pack-sketch = Croquis des lieux, numérotés dans l’ordre du programme
takeaway-pack-no-places = Aucun lieu de ce voyage n’a encore de coordonnées.
takeaway-pack-place-day = Jour { $day }
takeaway-pack-days = Jour par jour
takeaway-pack-nothing = Rien de prévu.
takeaway-pack-any-time = Sans horaire
takeaway-pack-saved = Enregistré depuis Travel Planner le { $date } à { $time } UTC. Les horaires sont ceux du fuseau horaire du voyage.

# L’historique d’un voyage : qui a modifié quoi, et quand.
history-title = Historique
history-loading = Chargement de l’historique…
history-intro = { $count ->
    [one] La dernière modification. Heures du fuseau horaire du voyage ({ $zone }).
   *[other] Les { $count } dernières modifications, des plus récentes aux plus anciennes. Heures du fuseau horaire du voyage ({ $zone }).
}
history-when = { $date } à { $time }
history-none = Aucune modification pour l’instant.
history-someone = Quelqu’un
history-trip-created = { $who } a créé le voyage « { $summary } »
history-trip-edited = { $who } a modifié les informations du voyage
history-trip-deleted = { $who } a supprimé le voyage
history-activity-added = { $who } a ajouté « { $summary } »
history-activity-edited = { $who } a modifié « { $summary } »
history-activity-moved = { $who } a déplacé « { $summary } »
history-activity-deleted = { $who } a supprimé « { $summary } »
history-member-joined = { $who } a rejoint le voyage
history-member-left = { $who } a quitté le voyage
history-member-removed = { $who } a retiré { $summary } du voyage
history-roles-changed = { $who } : { $summary }
history-share-link-created = { $who } a créé un lien de partage
history-share-link-revoked = { $who } a supprimé le lien de partage
# Ce que dit un changement de rôle (« Ben is now an editor »).
history-now-owner = { $name } est maintenant propriétaire
history-now-editor = { $name } est maintenant éditeur
history-now-viewer = { $name } est maintenant lecteur

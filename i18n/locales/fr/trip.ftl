# La page d’un voyage, la page d’une journée, le programme (plan-…).

# Page du voyage
plan-trip-loading = Chargement du voyage…
plan-notes = Notes
plan-edit = Modifier
plan-delete = Supprimer
plan-all-trips = ← Tous les voyages
plan-show-on-map = Afficher sur la carte
plan-take-along = Emporter
plan-dates = Dates
plan-time-zone = Fuseau horaire
plan-day-by-day = Jour par jour

# Page du voyage : qui participe
plan-role-owner = propriétaire
plan-role-editor = éditeur
plan-role-viewer = lecteur
plan-invite-and-share = Inviter et partager
plan-members = Membres
plan-you-own = Ce voyage vous appartient.
plan-you-edit = Vous pouvez modifier ce voyage.
plan-you-view = Vous pouvez consulter ce voyage.
plan-members-label = Qui prépare ce voyage
plan-history = Historique

# Page du voyage : confirmer la suppression
plan-delete-heading = Supprimer « { $name } » ?
plan-delete-text = Le voyage et tout ce qui y est prévu seront supprimés. Cette action est irréversible.
plan-cancel = Annuler
plan-delete-trip = Supprimer le voyage

# Page d’une journée
plan-day-loading = Chargement de la journée…
plan-other-days = Autres jours

# Le programme : les jours et leurs titres (« Jour 2 · mer. 4 mars 2027 »). $weekday : de 1
# (lundi) à 7 (dimanche) ; $date : la date telle que la langue l’écrit (« 4 mars 2027 »).
plan-weekday-date = { $weekday ->
    [1] lun.
    [2] mar.
    [3] mer.
    [4] jeu.
    [5] ven.
    [6] sam.
   *[7] dim.
} { $date }
plan-day-heading = Jour { $number } · { $date }
plan-day-link = Jour { $number }
plan-days-label = Jours du voyage
plan-day-empty = Rien de prévu pour l’instant.
plan-add-activity = Ajouter une activité
plan-find-place = Chercher un lieu

# Le programme : une activité
plan-any-time = Horaire libre
plan-move-up = Monter : { $title }
plan-move-down = Descendre : { $title }
# Après « Modifier » et « Supprimer », pour les lecteurs d’écran.
plan-quoted = « { $title } »

# Le programme : le budget
plan-budget = Budget
plan-budget-not-set = Non défini
plan-budget-planned = Prévu
plan-budget-over = Dépassement de
plan-budget-remaining = Reste
plan-budget-meter = Part du budget déjà prévue
plan-budget-daily = Environ { $amount } par jour.
plan-budget-by-kind = Prévu par catégorie

# Le programme : la météo d’une journée (« Prévisions : Pluie faible · 13–17 °C · 3,4 mm, 80 % de risque »)
plan-weather-forecast = Prévisions :
plan-weather-observed = Le jour même :
plan-weather-typical = Habituel à cette période :
plan-weather-temperatures = { $min }–{ $max } °C
plan-weather-up-to = jusqu’à { $max } °C
plan-weather-from = à partir de { $min } °C
plan-weather-usually-dry = généralement sec
plan-weather-wet-most-days = pluie la plupart des jours
plan-weather-rain-days = { $days ->
    [one] pluie environ { $days } jour sur 10
   *[other] pluie environ { $days } jours sur 10
}
plan-weather-mm-a-day = { $mm } mm par jour
plan-weather-dry = sec
plan-weather-mm = { $mm } mm
plan-weather-mm-chance = { $mm } mm, { $chance } % de risque
plan-weather-at = à { $place }
plan-sky-clear = Ciel dégagé
plan-sky-mostly-clear = Plutôt dégagé
plan-sky-partly-cloudy = Partiellement nuageux
plan-sky-overcast = Couvert
plan-sky-fog = Brouillard
plan-sky-drizzle = Bruine
plan-sky-freezing-drizzle = Bruine verglaçante
plan-sky-light-rain = Pluie faible
plan-sky-rain = Pluie
plan-sky-heavy-rain = Forte pluie
plan-sky-freezing-rain = Pluie verglaçante
plan-sky-light-snow = Neige faible
plan-sky-snow = Neige
plan-sky-heavy-snow = Forte neige
plan-sky-snow-grains = Neige en grains
plan-sky-light-showers = Faibles averses
plan-sky-showers = Averses
plan-sky-heavy-showers = Fortes averses
plan-sky-snow-showers = Averses de neige
plan-sky-thunderstorm = Orage
plan-sky-thunderstorm-hail = Orage avec grêle

# Le programme : le trajet depuis le lieu précédent (« 1,2 km depuis « Tour de Belém » · environ 25 min en voiture »)
plan-leg-minutes = environ { $minutes } min
plan-leg-hours = environ { $hours } h
plan-leg-hours-minutes = environ { $hours } h { $minutes } min
plan-leg-on-foot = { $duration } à pied
plan-leg-by-car = { $duration } en voiture
plan-leg-routed = { $distance } depuis « { $from } » · { $way }
plan-leg-straight = { $distance } à vol d’oiseau depuis « { $from } »
plan-leg-tight = Seulement { $gap } min après « { $from } », mais il faut { $way } pour venir ici.
plan-leg-warning = Attention :

# La carte à côté du programme
plan-map = Carte
plan-map-destination-only = la destination
plan-map-places = { $count ->
    [one] { $count } lieu
   *[other] { $count } lieux
}
plan-map-sketch-trip = Croquis de la carte du voyage : { $places }, numérotés selon l’ordre du programme, une couleur par jour, reliés dans l’ordre
plan-map-sketch-day = Croquis de la carte de la journée : { $places }, numérotés selon l’ordre du programme, une couleur par jour, reliés dans l’ordre
plan-map-tiles = Fonds de carte :
plan-map-number-title = Numéro { $number } sur la carte
plan-map-number = Numéro sur la carte
plan-map-destination-title = La destination du voyage
plan-map-destination = Destination :
plan-map-osm-hidden =  : { $title } (s’ouvre dans un nouvel onglet)
plan-map-app = App de cartes
plan-map-app-hidden =  : { $title }

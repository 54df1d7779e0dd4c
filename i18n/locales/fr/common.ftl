# Le cadre de chaque page : en-tête, pied de page, choix de la langue.

meta-description = Planifiez vos voyages jour par jour, gardez un œil sur le budget et partagez le programme. Auto-hébergé, rapide, et utilisable sans JavaScript.
site-tagline = planifiez le voyage, pas le tableur.
nav-main = Menu principal
nav-legal = Mentions légales
nav-trips = Voyages
nav-privacy = Confidentialité
nav-terms = Conditions
nav-log-in = Se connecter
nav-sign-up = Créer un compte
nav-log-out = Se déconnecter
theme-to-dark = Utiliser le thème sombre
theme-to-dark-short = Thème sombre
theme-to-light = Utiliser le thème clair
theme-to-light-short = Thème clair
loading = Chargement…
language-label = Langue
language-switch = Afficher ce site en { $language }

trip-length = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}

# An activity's times and kind, and a day's warnings (trip, day and pack pages).
time-range-next-day = { $start }–{ $end } (le lendemain)
category-sight = Visites
category-food = Restauration
category-transport = Déplacements
category-lodging = Hébergement
category-other = Autre
warning-overlap = « { $first } » et « { $second } » se chevauchent.
warning-over-budget-of = Cette journée coûte plus que le budget quotidien moyen de { $budget }.
warning-over-budget = Cette journée coûte plus que le budget quotidien moyen.
warning-out-of-order = « { $first } » est placé avant « { $second } » mais commence plus tard.

# Words the page scripts show (public/app.js, places.js, map.js), handed to them in data
# attributes. `{name}` and `{count}` are filled in by the script.
js-offline-note = Vous êtes hors ligne. Il faut une connexion pour cela : ce que vous avez saisi reste ici — renvoyez-le une fois la connexion revenue.
js-copied = Copié.
js-selected = Sélectionné : copiez-le avec la commande de copie de votre appareil.
js-places-not-answering = La recherche de lieux ne répond pas ; réessayez dans une minute.
js-places-too-short = Saisissez au moins 2 lettres du nom du lieu.
js-places-on-form = « { $name } » est dans le formulaire. Enregistrez pour le garder.
js-places-found = { $count ->
    [one] 1 lieu trouvé : choisissez-le pour le mettre dans le formulaire.
   *[other] { $count } lieux trouvés : choisissez-en un pour le mettre dans le formulaire.
}
js-map-label = Carte interactive : les lieux de la liste ci-dessous
js-map-destination = Destination : { $name }

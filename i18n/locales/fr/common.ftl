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

# Ce que disent les règles du cœur à propos d’un formulaire (les textes anglais servent de clés,
# voir le fichier anglais). Les variables comme { $code } restent telles quelles.

# Éléments de formulaire : l’encadré de conflit (quelqu’un a enregistré avant) et les valeurs vides.
form-alert-empty = (vide)
form-alert-field = Champ
form-alert-theirs = Leur version
form-alert-yours = La vôtre
# Suivi d’un lien (form-alert-keep-theirs), puis de form-alert-nothing-saved-end.
form-alert-nothing-saved = Rien n’a été enregistré. Enregistrez votre version ci-dessous pour remplacer la leur, ou{" "}
form-alert-keep-theirs = gardez la leur
form-alert-nothing-saved-end = .

# Le texte en général.
rule-one-line = Une seule ligne, sans caractères de contrôle invisibles.
rule-multi-line = Supprimez les caractères de contrôle invisibles (les sauts de ligne et les tabulations sont acceptés).

# Comptes : inscription, connexion, mot de passe, e-mail.
rule-email-like = Saisissez une adresse e-mail comme nom@exemple.com.
rule-email-missing = Saisissez votre adresse e-mail.
rule-email-too-long = Cette adresse e-mail est trop longue.
rule-name-missing = Saisissez le nom que verront les autres voyageurs.
rule-name-too-long = Votre nom ne peut pas dépasser 80 caractères.
rule-password-too-short = Utilisez au moins 8 caractères.
rule-password-too-long = Utilisez au plus 128 caractères.
rule-passwords-differ = Les deux mots de passe ne correspondent pas.
rule-password-guessable = Ce mot de passe est trop courant ou trop facile à deviner. Essayez quelques mots sans rapport entre eux.
rule-login-failed = Votre e-mail ou votre mot de passe est incorrect.
rule-current-password-wrong = Ce n’est pas votre mot de passe actuel.
rule-password-for-email = Saisissez votre mot de passe pour changer d’adresse e-mail.
rule-password-wrong = Ce n’est pas votre mot de passe.
rule-already-registered = Cette adresse a déjà un compte. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.
rule-signup-link-invalid = Ce lien d’inscription a expiré ou a déjà été utilisé. Inscrivez-vous à nouveau pour en recevoir un nouveau.
rule-reset-link-invalid = Ce lien de réinitialisation a expiré ou a déjà été utilisé. Demandez-en un nouveau ci-dessous.
rule-confirm-link-invalid = Ce lien de confirmation a expiré ou a déjà été utilisé. Envoyez-vous-en un nouveau depuis la page de votre compte.
rule-address-taken = Cette adresse est désormais utilisée par un autre compte : votre adresse e-mail reste inchangée.
rule-delete-confirm = Cochez cette case pour confirmer que tout sera supprimé.

# Voyages.
rule-trips-full = Vous avez 5 000 voyages, le maximum pour un compte. Supprimez ceux dont vous n’avez plus besoin pour faire de la place.
rule-trip-name-missing = Donnez un nom au voyage.
rule-trip-name-too-long = Le nom ne peut pas dépasser 120 caractères.
rule-destination-missing = Où allez-vous ?
rule-destination-too-long = La destination ne peut pas dépasser 120 caractères.
rule-first-day-missing = Choisissez le premier jour du voyage.
rule-last-day-missing = Choisissez le dernier jour du voyage.
rule-date-years = Choisissez une date entre les années 1900 et 2200.
rule-date-like = Saisissez une date comme 2026-03-03.
rule-last-before-first = Le dernier jour ne peut pas précéder le premier.
rule-trip-too-long = Un voyage peut durer au plus 366 jours.
rule-zone-choice = Choisissez un fuseau horaire dans la liste.
rule-currency-choice = Choisissez une devise dans la liste.
rule-budget-too-large = Le budget ne peut pas dépasser 1 000 000 000.
rule-budget-negative = Le budget ne peut pas être négatif.
rule-budget-like = Saisissez un montant comme 1500 ou 1500,50.
rule-notes-too-long = Les notes ne peuvent pas dépasser 5 000 caractères.
# $activities : jusqu’à cinq activités avec leur date.
rule-activities-outside-more = Ces activités tomberaient en dehors des nouvelles dates : { $activities } et d’autres. Déplacez-les d’abord vers d’autres jours, ou choisissez des dates qui les incluent.
rule-activities-outside = Ces activités tomberaient en dehors des nouvelles dates : { $activities }. Déplacez-les d’abord vers d’autres jours, ou choisissez des dates qui les incluent.

# Montants dans une devise avec moins de décimales ($code : le code de la devise, comme JPY).
rule-amount-no-decimals = Les montants en { $code } n’ont pas de décimales.
rule-amount-one-decimal = Les montants en { $code } ont au plus 1 décimale.
rule-amount-decimals = Les montants en { $code } ont au plus { $places } décimales.

# Activités.
rule-activities-full = Ce voyage a 1 000 activités, le maximum pour un voyage. Supprimez-en pour faire de la place.
rule-day-full = Ce jour a déjà 100 activités, le maximum pour un jour. Choisissez un autre jour.
rule-title-missing = Donnez un titre à l’activité.
rule-title-too-long = Le titre ne peut pas dépasser 120 caractères.
rule-place-too-long = Le lieu ne peut pas dépasser 200 caractères.
rule-description-too-long = La description ne peut pas dépasser 5 000 caractères.
rule-day-missing = Choisissez le jour de l’activité.
rule-day-outside = Choisissez un jour pendant le voyage.
rule-time-like = Saisissez une heure comme 09:30.
rule-start-time-missing = Ajoutez une heure de début, ou laissez les deux heures vides.
rule-kind-choice = Choisissez un type d’activité dans la liste.
rule-cost-too-large = Le coût ne peut pas dépasser 100 000 000.
rule-cost-negative = Le coût ne peut pas être négatif.
rule-cost-like = Saisissez un montant comme 25 ou 25,50.

# Lieux sur la carte.
rule-latitude = La latitude est un nombre entre -90 et 90.
rule-longitude = La longitude est un nombre entre -180 et 180.
rule-coordinates-both = Indiquez la latitude et la longitude, ou aucune des deux.
rule-place-unreadable = Ce lieu n’a pas pu être lu. Recherchez-le à nouveau, ou retirez-le.
rule-place-position-missing = Un lieu a besoin de sa position sur la carte. Recherchez-le à nouveau, ou retirez-le.

# Membres et invitations.
rule-invitation-invalid = Ce lien d’invitation n’est plus valable : il a peut-être été utilisé, retiré ou a expiré. Demandez à la personne qui vous a invité de vous en envoyer un nouveau.
rule-role-choice = Choisissez éditeur ou lecteur.
rule-invitations-full = Ce voyage a atteint le nombre maximal d’invitations en attente. Retirez-en d’abord quelques-unes.
rule-members-full = Ce voyage a atteint le nombre maximal de personnes.
rule-new-owner-full = Cette personne possède déjà le nombre maximal de voyages. Elle doit d’abord en supprimer un.

# Importer un fichier (la page d’import les affiche).
rule-import-too-large = Ce fichier est trop volumineux : on peut importer des fichiers jusqu’à 768 Ko.
rule-import-empty = Ce fichier est vide.
rule-import-not-utf8 = Ce fichier n’est pas du texte UTF-8. Enregistrez-le en UTF-8 et réessayez.
rule-import-not-export = Ce fichier JSON n’est pas un export Travel Planner (son « format » n’est pas « travel-planner-export »).
rule-import-newer = Cet export provient d’une version plus récente de Travel Planner : mettez celle-ci à jour pour l’importer.
rule-import-no-trips = Cet export ne contient aucun voyage.
rule-import-not-calendar = Ce n’est pas un fichier de calendrier (.ics) : il ne commence pas par BEGIN:VCALENDAR.
rule-import-no-events = Ce calendrier ne contient aucun événement.
rule-import-not-gpx-kml = Ce n’est pas un fichier GPX ou KML.
rule-import-no-waypoints = Ce fichier GPX ne contient aucun point de cheminement.
rule-import-no-placemarks = Ce fichier KML ne contient aucun repère avec un point.

# The privacy notice (/privacy). Texts around a link are split: "…-before", the link, "…-after".

legal-privacy-title = Confidentialité
legal-privacy-intro = Cette notice explique ce que ce site Travel Planner conserve à votre sujet, pourquoi, pendant combien de temps, et comment l’emporter avec vous ou le supprimer.
legal-privacy-who-heading = Qui gère ce site
legal-privacy-who-text = Travel Planner est un logiciel que chacun peut installer sur son propre serveur. Ce site est géré par la personne ou l’organisation qui l’a installé ici — « l’hébergeur » ci-après —, et non par les auteurs du logiciel. L’hébergeur est responsable de vos données, et c’est à lui qu’il faut s’adresser pour toute question à leur sujet.
legal-privacy-where = Vos données se trouvent sur le serveur de l’hébergeur (et dans ses sauvegardes), et nulle part ailleurs. Elles ne sont ni vendues ni partagées avec qui que ce soit.

legal-privacy-stored-heading = Ce qui est conservé
# Each item: a bold label, then its text.
legal-privacy-account-label = Votre compte :
legal-privacy-account-text = votre adresse e-mail, votre nom, votre fuseau horaire de résidence si vous en choisissez un, la date de votre inscription et si vous avez confirmé votre adresse. Votre mot de passe n’est jamais conservé : seule une empreinte à sens unique (argon2id) l’est, à partir de laquelle il est impossible de retrouver le mot de passe.
legal-privacy-trips-label = Vos voyages et activités :
legal-privacy-trips-text = tout ce que vous saisissez pour les planifier — noms, lieux, dates, horaires, notes, coûts et budgets.
# The cookie item reads: label, the cookie’s name, "called", its other name, text.
legal-privacy-cookie-label = Un cookie de session,
legal-privacy-cookie-called = (appelé
legal-privacy-cookie-text = sur les sites en https), qui vous garde connecté. Il contient un identifiant aléatoire et rien d’autre ; le serveur conserve l’enregistrement de session correspondant, avec l’identifiant de votre compte.
legal-privacy-links-label = Les liens que nous vous envoyons par e-mail
legal-privacy-links-text = pour réinitialiser votre mot de passe ou confirmer votre adresse : seule une empreinte de chaque lien est conservée, et les liens expirent.
legal-privacy-logs-label = Journaux du serveur :
legal-privacy-logs-text = pour chaque requête, l’heure, le type de page, un identifiant de requête aléatoire, le résultat et la durée de traitement ; les connexions et les modifications de compte sont journalisées avec l’identifiant interne de votre compte. Les journaux ne contiennent jamais de mots de passe. Si l’hébergeur a activé le signalement des erreurs, le détail d’une erreur (le type de page et un identifiant de requête — jamais de mots de passe, de cookies ni ce que vous avez saisi) est aussi envoyé à son outil de suivi des erreurs.

legal-privacy-not-heading = Ce qui ne l’est pas
# When the site shows map images from an outside service.
legal-privacy-not-with-map = Il n’y a ni statistiques d’audience, ni pistage, ni publicité, ni scripts ou polices tiers : chaque élément de chaque page provient de ce serveur, à l’exception des images de fond de la carte (voir « Cartes, lieux et météo » ci-dessous). Le seul cookie est le cookie de session, nécessaire pour vous connecter ; il n’y a donc pas de bandeau cookies.
legal-privacy-not = Il n’y a ni statistiques d’audience, ni pistage, ni publicité, ni scripts, polices ou images tiers : chaque élément de chaque page provient de ce serveur. Le seul cookie est le cookie de session, nécessaire pour vous connecter ; il n’y a donc pas de bandeau cookies.

legal-privacy-emails-heading = E-mails
legal-privacy-emails-text = Vous ne recevez que des e-mails concernant votre compte : pour confirmer votre adresse et réinitialiser votre mot de passe. Pas de newsletter, pas de marketing.
legal-privacy-kept-heading = Durée de conservation
legal-privacy-kept-text = Votre compte, vos voyages et vos activités sont conservés jusqu’à ce que vous les supprimiez. Une session prend fin lorsque vous vous déconnectez, après 30 jours sans visite, ou 90 jours après votre connexion (l’hébergeur peut fixer d’autres limites). Les liens de réinitialisation du mot de passe sont valables une heure. La durée de conservation des journaux et des sauvegardes est laissée à l’hébergeur ; les données supprimées disparaissent des sauvegardes à mesure que celles-ci sont remplacées.

legal-privacy-rights-heading = Vos droits
legal-privacy-see-label = Consulter et rectifier :
legal-privacy-see-text = votre profil et vos voyages sont affichés dans l’application, où vous pouvez les modifier.
legal-privacy-download-label = Télécharger vos données :
legal-privacy-download-before = votre
# The button’s name must match the one on the account page.
legal-privacy-download-after = comporte un bouton « Télécharger mes données » qui vous remet tout en un seul fichier.
legal-privacy-delete-label = Supprimer votre compte :
legal-privacy-delete-before = également depuis votre
legal-privacy-delete-after = . Cela supprime d’un coup votre compte et tous vos voyages, et vous déconnecte partout.
legal-privacy-ask = Pour toute autre demande, adressez-vous à l’hébergeur.
# The link to /account, in the privacy notice and the terms.
legal-account-page = page de compte

# The privacy notice: the outside services this site uses. Each item reads: label, the
# service’s name and address, text.
legal-services-heading = Cartes, lieux et météo
legal-services-none = Ce site ne contacte aucun service extérieur pour les cartes, les lieux ou la météo.
legal-services-intro = Pour afficher des cartes, trouver des lieux réels et donner la météo, ce site fait appel aux services extérieurs ci-dessous. C’est ce serveur qui les interroge ; votre compte, votre nom et votre adresse e-mail ne leur sont jamais transmis.
legal-services-places-label = Recherche de lieux :
legal-services-places-text = reçoit les mots que vous tapez dans la recherche de lieux et, pour classer en premier les lieux proches, la zone de votre voyage à environ 10 km près — jamais votre identité. Les résultats sont conservés sur ce serveur jusqu’à 30 jours et partagés entre tous ses utilisateurs, sans savoir qui a cherché ni quoi.
legal-services-map-label = La carte :
legal-services-map-text = fournit les images de fond de la carte. Votre navigateur les charge directement depuis ce service lorsqu’une page affiche une carte ; il voit donc votre adresse IP et la partie de la carte que vous regardez, comme sur n’importe quel site de cartographie. Sans JavaScript, aucune image de carte n’est chargée.
legal-services-weather-label = Météo :
legal-services-weather-text = reçoit la position des lieux de vos voyages à environ 10 km près et les dates, et rien d’autre. La météo est conservée sur ce serveur et partagée entre tous ses utilisateurs.
legal-services-routing-label = Temps de trajet :
legal-services-routing-text = reçoit la position de deux lieux que vous visitez l’un après l’autre dans une journée, pour indiquer la durée du trajet entre eux — jamais votre identité ni ce que vous y faites.

# The terms of use (/terms).

legal-terms-title = Conditions
legal-terms-heading = Conditions d’utilisation
legal-terms-intro-before = En bref et en clair : en créant un compte, vous acceptez ces conditions. La
legal-terms-privacy-link = notice de confidentialité
legal-terms-intro-after = explique ce qui est conservé à votre sujet.
legal-terms-who-heading = À qui vous avez affaire
legal-terms-who-text = Ce site est géré par la personne ou l’organisation qui a installé Travel Planner sur ce serveur (« l’hébergeur »). L’hébergeur le met à disposition gratuitement, sauf indication contraire de sa part.
legal-terms-yours-heading = Vos engagements
legal-terms-yours-use = Utilisez le site pour planifier vos propres voyages, et gardez votre mot de passe pour vous.
legal-terms-yours-abuse = N’en abusez pas : pas d’attaques, pas de tentatives d’accès aux comptes d’autrui, pas d’avalanche de requêtes ou d’inscriptions automatisées, et rien d’illégal.
legal-terms-yours-content = Ce que vous saisissez vous appartient. L’hébergeur se contente de le conserver et de vous l’afficher.
legal-terms-host-heading = Les engagements de l’hébergeur
legal-terms-host-suspend = L’hébergeur peut suspendre ou supprimer un compte qui abuse du site, et modifier ou arrêter le service ; il s’efforcera de prévenir à l’avance.
legal-terms-host-private = L’hébergeur protège la confidentialité de vos données, comme le décrit la notice de confidentialité.
legal-terms-warranty-heading = Aucune garantie
legal-terms-warranty-text = Le site est fourni tel quel, sans garantie : vous l’utilisez à vos propres risques. Vérifiez les informations importantes (horaires, réservations, prix) à la source, et gardez votre propre copie de ce qui compte — le bouton « Télécharger mes données » de votre page de compte vous remet tout.
legal-terms-leaving-heading = Partir
legal-terms-leaving-before = Vous pouvez supprimer votre compte à tout moment depuis votre
legal-terms-leaving-after = . Tout ce qu’il contient est supprimé avec lui.
legal-terms-software-heading = Le logiciel
legal-terms-software-before = Travel Planner est un logiciel libre distribué sous
legal-terms-license = licence GNU Affero General Public License, version 3 ou ultérieure
legal-terms-software-after = . Vous pouvez l’étudier, le modifier et le partager ; si l’hébergeur l’a modifié, il doit vous proposer le code source de la version que vous utilisez.

# The landing page (/) for visitors.

landing-heading = Planifiez chaque jour de votre voyage en un seul endroit
landing-lead = Créez un voyage, organisez les activités de chaque jour avec horaires et lieux, et suivez le budget au fil de vos ajouts — sur votre téléphone ou votre ordinateur.
landing-start = Commencer gratuitement
landing-have-account = J’ai déjà un compte
landing-features = Ce que vous pouvez faire
landing-glance-title = Vos voyages d’un coup d’œil
landing-glance-text = Chaque voyage avec ses dates, sa destination et son budget, les prochains en premier.
landing-itinerary-title = Un programme jour par jour
landing-itinerary-text = Visites, repas, transports et hébergements, dans l’ordre, dans le fuseau horaire du voyage.
landing-budget-title = Un budget qui tombe juste
landing-budget-text = Voyez ce que coûte chaque jour et chaque type de dépense, et ce qu’il reste.
landing-promise-title = Hébergé chez vous
landing-promise-text = Travel Planner est un petit programme que vous pouvez héberger vous-même. Les pages se chargent vite même sur une connexion lente, chaque formulaire fonctionne même sans JavaScript, et il n’y a aucun pistage.

# The app’s frame: the first link on every page (also on the server’s plain error pages).
landing-skip-link = Aller au contenu

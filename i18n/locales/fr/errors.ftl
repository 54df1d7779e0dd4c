# Messages of failed actions and pages that could not load (shown in a page’s alert).

error-invalid = Veuillez corriger les champs signalés.
error-unauthorized = Veuillez vous connecter pour continuer.
error-not-found = Nous n’avons pas trouvé ce que vous cherchez.
error-forbidden = Votre rôle dans ce voyage ne le permet pas. Adressez-vous à son propriétaire si besoin.
error-rate-limited = { $seconds ->
    [one] Trop de tentatives. Veuillez patienter { $seconds } seconde, puis réessayer.
   *[other] Trop de tentatives. Veuillez patienter { $seconds } secondes, puis réessayer.
}
error-internal = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.
error-bad-request = Cette requête n’a pas pu être comprise.
error-stale = Quelqu’un a modifié cet élément pendant que vous le modifiiez : votre modification n’a pas été enregistrée. Voici à quoi il ressemble maintenant.

# The error pages: an unknown address (404), and the server’s own pages for a request that
# took too long (408), sent too much (413), came too often (429), met an outage (503) or
# failed (500). Each has a title (the browser tab), a heading and a text.

error-home = Retour à l’accueil
error-not-found-title = Page introuvable
error-not-found-heading = Nous n’avons pas trouvé cette page
error-not-found-text = Le lien est peut-être ancien, ou l’adresse contient une faute de frappe. Vos voyages ne risquent rien — cette page n’existe simplement pas.
error-timeout-title = C’était trop long
error-timeout-heading = C’était trop long
error-timeout-text = Nous avons cessé d’attendre cette requête. Veuillez vérifier votre connexion et réessayer.
error-too-large-title = Envoi trop volumineux
error-too-large-heading = C’est plus que nous ne pouvons accepter
error-too-large-text = Ce que vous avez envoyé dépasse la taille acceptée par ce site. Veuillez le raccourcir et réessayer.
error-rate-title = Un peu moins vite
error-rate-heading = Un peu moins vite
error-rate-text = Vous avez envoyé beaucoup de requêtes au cours de la dernière minute. Patientez un instant, puis réessayez — rien de ce que vous avez enregistré n’est perdu.
error-unavailable-title = De retour dans un instant
error-unavailable-heading = Nous revenons tout de suite
error-unavailable-text = Le service est brièvement indisponible. Veuillez réessayer dans une minute — rien de ce que vous avez enregistré n’est perdu.
error-server-title = Un problème est survenu
error-server-heading = Un problème est survenu de notre côté
error-server-text = Le problème a été consigné. Veuillez réessayer dans un instant — rien de ce que vous avez enregistré n’est perdu.

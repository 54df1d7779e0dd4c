# La liste des voyages.

trips-title = Vos voyages
trips-new = Nouveau voyage
trips-loading = Chargement de vos voyages…
trips-tabs = Quels voyages
status-upcoming = À venir
status-past = Passés
status-all = Tous
trips-all = Tous les voyages
filters-label = Trouver des voyages
filter-search = Rechercher
filter-search-placeholder = Nom, lieu ou activité
filter-from = Du
filter-to = Au
filter-whose = À qui
whose-all = Tous les voyages
whose-mine = Les miens
whose-shared = Partagés avec moi
filter-sort = Trier par
sort-start = Date de début
sort-name = Nom
sort-updated = Modifiés récemment
filters-apply = Appliquer
filters-clear = Effacer
trip-count = { $count ->
    [one] { $count } voyage
   *[other] { $count } voyages
}
trips-page-of = page { $page } sur { $pages }
trips-recent-past = Voyages passés récemment
trips-see-past = Voir tous les voyages passés
trips-empty-title = Pas encore de voyage
trips-empty-text = Commencez par la destination et les dates. Vous ajouterez le programme jour par jour et le budget au fur et à mesure.
trips-empty-first = Planifier votre premier voyage
trips-empty-page = Il n’y a rien à la page { $page }.
trips-first-page = Aller à la première page
trips-no-match = Aucun voyage ne correspond à ces filtres.
trips-clear-filters = Effacer les filtres
trips-none-upcoming = Aucun voyage à venir. Où aller ensuite ?
trips-none-past = Pas encore de voyage passé.
trips-none = Pas encore de voyage.
trips-plan = Planifier un voyage
card-owner = Voyage de { $owner }
card-you-editor = Vous pouvez le modifier
card-you-viewer = Vous pouvez le consulter
timing-tomorrow = demain
timing-in-days = { $days ->
    [one] dans { $days } jour
   *[other] dans { $days } jours
}
timing-now = en cours
timing-ended = terminé
invitations-title = Invitations
invitation-from = { $inviter } vous invite à « { $trip } »
invitation-as-editor = pour le modifier
invitation-as-viewer = pour le consulter
invitation-join = Rejoindre
invitation-decline = Refuser
pages-label = Pages
page-previous = ← Précédente
page-next = Suivante →
page-of = Page { $page } sur { $pages }

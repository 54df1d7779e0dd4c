# (being written)
placeholder-islands = x

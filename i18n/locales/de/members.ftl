# (being written)
placeholder-members = x

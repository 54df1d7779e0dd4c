# (being written)
placeholder-legal = x

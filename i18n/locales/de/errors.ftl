# (being written)
placeholder-errors = x

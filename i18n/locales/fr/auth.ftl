# (being written)
placeholder-auth = x

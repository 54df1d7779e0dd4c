# (being written)
placeholder-validation = x

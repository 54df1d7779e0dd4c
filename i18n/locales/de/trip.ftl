# (being written)
placeholder-trip = x

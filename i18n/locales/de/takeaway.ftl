# (being written)
placeholder-takeaway = x

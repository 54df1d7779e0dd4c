# (being written)
placeholder-forms = x

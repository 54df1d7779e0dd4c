# Placeholder
placeholder = x

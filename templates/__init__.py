"""Built-in house styles, installed as package data (see reportgen.styles)."""

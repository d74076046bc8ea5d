"""One module a command; each is a few lines over the library API."""

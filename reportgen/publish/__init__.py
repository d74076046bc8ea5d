"""Publishing a rendered report or agenda on the web: HTML pages and an OParl-shaped agenda.json.

Everything here starts from what was already rendered (the .docx bytes, the pack's items), so
the web page says exactly what the Word file says; nothing is computed a second time.
"""

"""``reportgen serve``: the report beside the officer's editor.

A local web server (127.0.0.1 only) shows the bundle (or an agenda's pack) as the accessible
web page :mod:`reportgen.publish` makes, rebuilt whenever a file of the bundle or its style
changes; the browser reloads itself (server-sent events). Every finding of ``check`` is shown
at the sentence, cell or heading it is about and listed in a panel; a second panel lists every
name the narrative may use, with its value and the expression to copy.

The modules, one concept each: :mod:`~reportgen.serve.names` (the names panel's entries),
:mod:`~reportgen.serve.findings` (findings placed on the page), :mod:`~reportgen.serve.page`
(the served page: panels, status, script), :mod:`~reportgen.serve.snapshot` (one build of a
bundle or agenda, and the last good one kept), :mod:`~reportgen.serve.app` (the WSGI
application: fixed routes, headers) and :mod:`~reportgen.serve.run` (the server and the file
watcher). Werkzeug and watchfiles are the optional extra ``reportgen[serve]``, imported only
by the last two.
"""

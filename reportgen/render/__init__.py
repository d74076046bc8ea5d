"""Rendering a bundle to .docx: markup, tables, raw-XML helpers and zip normalisation."""

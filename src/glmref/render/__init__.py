"""Renderers: domain views in, Rich renderables or JSON text out. Nothing here decides what to show."""

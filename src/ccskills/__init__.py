"""ccskills: contact-centre operations management, computed.

The core (queueing, kpi, datasets) imports no widgets or charts; the presentation
layer (``ccskills.apps``, ``ccskills.charts``, ``ccskills.exercises``) is imported on
purpose. Durations are in seconds, loads in Erlangs, rates as fractions 0..1.
"""

__version__ = "0.1.0"

__all__: list[str] = []

"""The regional monitor: KPI catalogue and figures (data), example figures (previews), SVG charts, pages."""

"""Charts and an HTML report from caspian result files (HDF5, formats 1 and 2).

`tools/plot` (installed as `caspian-plot`) and `tools/report` (`caspian-report`) are the entry
points; this package holds one module per kind of figure:

  read         the HDF5 layout as small data classes (RunSet, Metric, Target, Resource, Transit)
  style        the one figure style, colours, number formats, saving, month axes, warm-up shading
  numbers      labels with a precision that suits the CI, significance at that precision
  metrics      monthly series of a metric; cumulative tonnes
  resources    utilisation per resource, queue lengths
  transit      transit-time distribution, monthly p50/p95
  comparison   paired differences (one panel per unit), monthly means of every scenario
  sweep        one key: line; two keys: heat map coloured relative to the CIs; more: bars
  sensitivity  tornado charts
  cli          `plot`: dispatch on the file's format
  report       `report`: one self-contained HTML page
"""

"""Small HTML builders for the report: escaped text, tables, inline images. Nothing refers outside
the page: no scripts, no style sheets, no links; images are base64 data."""
import base64
import html

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.4; }
h1 { border-bottom: 3px solid #1f77b4; padding-bottom: .2em; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: 0.9em; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.sig td { background: #fff1e6; }
tr.bad td { background: #fde8e8; }
pre { background: #f6f6f6; padding: .6em; overflow-x: auto; font-size: 0.8em; max-height: 30em; }
figure { margin: 1.2em 0; }
figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.85em; color: #555; }
.note { color: #555; font-size: 0.9em; }
"""


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def table(header, rows, numeric=(), row_class=None) -> str:
    """An HTML table; columns whose index is in NUMERIC are right-aligned. ROW_CLASS(row) -> css class."""
    out = ["<table>"]
    if any(header):
        out.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        cls = row_class(row) if row_class else ""
        cells = "".join(f'<td class="num">{esc(c)}</td>' if i in numeric else f"<td>{esc(c)}</td>" for i, c in enumerate(row))
        out.append(f'<tr class="{cls}">{cells}</tr>' if cls else f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def definition(pairs) -> str:
    """A two-column table of (name, value) pairs, skipping empty values."""
    return table(["", ""], [(k, v) for k, v in pairs if v is not None and str(v) != ""])


def image(path, caption) -> str:
    with open(path, "rb") as f:
        data = base64.b64encode(f.read()).decode("ascii")
    return (f'<figure><img alt="{esc(caption)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{esc(caption)}</figcaption></figure>")


def page(title, body) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")

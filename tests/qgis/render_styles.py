#!/usr/bin/env python3
"""Opens a PatrolMap workspace in QGIS (python3-qgis, offscreen) and renders its layers as QGIS
draws them with the default styles it finds in the GeoPackage's layer_styles table: the check
that QGIS reads PatrolMap's styles (issue 18). Not part of CI (QGIS is large); run
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$(mktemp -d) python3 tests/qgis/render_styles.py \
        data/jiangnan.gpkg out.png
It prints each layer with the style QGIS applied and writes the picture."""
import sys

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject,
                       QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def main(workspace, out_png):
    app = QgsApplication([], False)
    app.initQgis()
    layers = []
    for table in ["neighbourhoods", "buildings", "roads", "posters", "sites", "incidents"]:
        layer = QgsVectorLayer(f"{workspace}|layername={table}", table, "ogr")
        if not layer.isValid():
            print(f"{table}: not valid", file=sys.stderr)
            return 1
        # QGIS loads the default style of a GeoPackage layer from layer_styles on its own when
        # the layer is added through the GUI; here it is asked for explicitly, as the GUI does.
        message, ok = layer.loadDefaultStyle()
        renderer = layer.renderer()
        print(f"{table}: style loaded={ok} ({message.strip()[:60]}), renderer={renderer.type()}", end="")
        if renderer.type() == "categorizedSymbol":
            print(f", {len(renderer.categories())} categories on {renderer.classAttribute()}", end="")
        if renderer.type() == "graduatedSymbol":
            print(f", {len(renderer.ranges())} classes", end="")
        print()
        layers.append(layer)
    # In the project, as a user's layers are: the neighbourhoods' style counts each one's
    # incidents with aggregate(layer:='incidents', ...), which looks layers up there.
    QgsProject.instance().addMapLayers(layers)
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # first in the list is drawn on top
    extent = QgsRectangle(layers[0].extent())
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(QSize(1100, 900))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out_png, "png")
    print(f"wrote {out_png}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

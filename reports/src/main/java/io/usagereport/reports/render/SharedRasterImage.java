package io.usagereport.reports.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;

import static java.util.Objects.requireNonNull;

/**
 * A {@link BufferedImage} as the {@link RenderedImage} an image writer reads, except that {@link #getData(Rectangle)}
 * returns a view of the image's pixels instead of a copy. The JDK's PNG writer asks for every row of the image
 * separately, and copying each row into a new raster takes most of the time of writing a chart.
 *
 * <p>Only for writers: the views share the image's pixels, so a caller that wrote into one would change the image.
 */
final class SharedRasterImage
        implements RenderedImage
{
    private final BufferedImage image;

    SharedRasterImage(BufferedImage image)
    {
        this.image = requireNonNull(image, "image is null");
    }

    @Override
    public Raster getData(Rectangle rectangle)
    {
        return image.getRaster().createChild(rectangle.x, rectangle.y, rectangle.width, rectangle.height, rectangle.x, rectangle.y, null);
    }

    @Override
    public Raster getData()
    {
        return image.getData();
    }

    @Override
    public WritableRaster copyData(WritableRaster raster)
    {
        return image.copyData(raster);
    }

    @Override
    public Vector<RenderedImage> getSources()
    {
        return image.getSources();
    }

    @Override
    public Object getProperty(String name)
    {
        return image.getProperty(name);
    }

    @Override
    public String[] getPropertyNames()
    {
        return image.getPropertyNames();
    }

    @Override
    public ColorModel getColorModel()
    {
        return image.getColorModel();
    }

    @Override
    public SampleModel getSampleModel()
    {
        return image.getSampleModel();
    }

    @Override
    public int getWidth()
    {
        return image.getWidth();
    }

    @Override
    public int getHeight()
    {
        return image.getHeight();
    }

    @Override
    public int getMinX()
    {
        return image.getMinX();
    }

    @Override
    public int getMinY()
    {
        return image.getMinY();
    }

    @Override
    public int getNumXTiles()
    {
        return image.getNumXTiles();
    }

    @Override
    public int getNumYTiles()
    {
        return image.getNumYTiles();
    }

    @Override
    public int getMinTileX()
    {
        return image.getMinTileX();
    }

    @Override
    public int getMinTileY()
    {
        return image.getMinTileY();
    }

    @Override
    public int getTileWidth()
    {
        return image.getTileWidth();
    }

    @Override
    public int getTileHeight()
    {
        return image.getTileHeight();
    }

    @Override
    public int getTileGridXOffset()
    {
        return image.getTileGridXOffset();
    }

    @Override
    public int getTileGridYOffset()
    {
        return image.getTileGridYOffset();
    }

    @Override
    public Raster getTile(int tileX, int tileY)
    {
        return image.getTile(tileX, tileY);
    }
}

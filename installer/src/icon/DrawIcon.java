import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the HeapDelta icon (two heap bars, the second taller, and a rising arrow) and writes it as
 * heapdelta.png for Linux, heapdelta.ico for Windows and heapdelta.icns for macOS.
 * Run by the installer build as a source-file program: {@code java DrawIcon.java OUTPUT_DIR}.
 */
public final class DrawIcon {
    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java DrawIcon.java OUTPUT_DIR");
        }
        Path outputDirectory = Files.createDirectories(Path.of(args[0]));
        byte[] png256 = png(draw(SIZE));
        byte[] png128 = png(draw(128));
        Files.write(outputDirectory.resolve("heapdelta.png"), png256);
        Files.write(outputDirectory.resolve("heapdelta.ico"), ico(png256));
        Files.write(outputDirectory.resolve("heapdelta.icns"), icns(png128, png256));
    }

    /** Draws at 256 units and scales, so that every size is the same picture. */
    private static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / (double) SIZE, size / (double) SIZE);

        g.setPaint(new GradientPaint(0, 0, new Color(0x2B4C7E), 0, SIZE, new Color(0x162A47)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        g.setColor(new Color(0x7FA7D9));
        g.fill(new RoundRectangle2D.Double(52, 132, 56, 84, 12, 12));
        g.setColor(new Color(0xF2A541));
        g.fill(new RoundRectangle2D.Double(148, 84, 56, 132, 12, 12));

        Path2D arrow = new Path2D.Double();
        arrow.moveTo(80, 112);
        arrow.lineTo(168, 52);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(arrow);
        Path2D head = new Path2D.Double();
        head.moveTo(186, 40);
        head.lineTo(146, 44);
        head.lineTo(172, 80);
        head.closePath();
        g.fill(head);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(head);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO file with one 256×256 PNG entry (Windows Vista and later read PNG entries). */
    private static byte[] ico(byte[] png) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        ico.put((byte) 0).put((byte) 0); // 0 means 256 for width and height
        ico.put((byte) 0).put((byte) 0);
        ico.putShort((short) 1).putShort((short) 32);
        ico.putInt(png.length).putInt(6 + 16);
        ico.put(png);
        return ico.array();
    }

    /** An ICNS file with PNG entries: ic07 is 128×128, ic08 is 256×256. */
    private static byte[] icns(byte[] png128, byte[] png256) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream icns = new DataOutputStream(bytes);
        icns.writeBytes("icns");
        icns.writeInt(8 + 8 + png128.length + 8 + png256.length);
        icns.writeBytes("ic07");
        icns.writeInt(8 + png128.length);
        icns.write(png128);
        icns.writeBytes("ic08");
        icns.writeInt(8 + png256.length);
        icns.write(png256);
        icns.flush();
        return bytes.toByteArray();
    }
}

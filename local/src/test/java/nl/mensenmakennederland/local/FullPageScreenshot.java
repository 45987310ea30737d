package nl.mensenmakennederland.local;

import java.io.IOException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A screenshot of the whole page at the window's width, into {@link BrowserTest#SCREENSHOTS}: the
 * window grows to the page's height for the picture and goes back after, so the width, and what
 * the page laid out for it, stay as they were.
 */
final class FullPageScreenshot {

    private FullPageScreenshot() {}

    static void save(ChromeDriver browser, String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        long chrome = (Long) browser.executeScript("return window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) (height + chrome)));
        try {
            BrowserPerClass.screenshot(browser, name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** How far the page scrolls sideways (0 when it fits its window). */
    static long sidewaysOverflow(ChromeDriver browser) {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** The elements that reach past the window's right edge, as tag#id.class, for a failing test's message. */
    static Object pastTheEdge(ChromeDriver browser) {
        return browser.executeScript("""
                return [...document.body.querySelectorAll('*')]
                  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                  .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);""");
    }
}

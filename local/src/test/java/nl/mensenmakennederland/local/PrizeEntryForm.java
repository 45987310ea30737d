package nl.mensenmakennederland.local;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The prize page's entry form, filled in as an initiative would fill it in. */
record PrizeEntryForm(WebDriver browser) {

    static final String PAGE = "/vrijwilligersprijzen.html";
    static final String TITLE = "Welkom bij De Brug";

    void choose(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    }

    /** Every field but the file and the question about children, with the two consents given. */
    void fillIn(String email, String municipality) {
        type("initiative", "Buurthuis De Brug");
        type("organisation", "Stichting De Brug");
        type("municipality", municipality);
        type("contactName", "Fatima El Amrani");
        type("email", email);
        type("title", TITLE);
        type("description", "Elke nieuwe vrijwilliger krijgt een maatje en drinkt de eerste week koffie met het hele team.");
        check("publication");
        check("recognisablePeople");
    }

    void noChildren() {
        browser.findElement(By.id("minors-nee")).click();
    }

    void submit() {
        browser.findElement(By.cssSelector("#inzending button[type=submit]")).click();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void check(String id) {
        WebElement box = browser.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }
}

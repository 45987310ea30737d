package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site's email typo check ({@code site/js/email-typo.js}) as the forms run it: the module
 * loaded in headless Chromium from the site, asked about each address of the table.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class EmailTypoTest {

    static ChromeDriver browser;

    @BeforeAll
    static void openTheSite(RunnerProcess runner, ChromeDriver chromium) {
        browser = chromium;
        browser.get(runner.origin() + "/");
    }

    private static String suggestion(String typed) {
        return (String) browser.executeAsyncScript("""
                const [typed, done] = arguments;
                import('/js/email-typo.js').then(module => done(module.suggestEmail(typed)), error => done('FOUT: ' + error));
                """, typed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // a provider's name mistyped
        "fatima@gmial.com,       fatima@gmail.com",
        "jan@hotmial.com,        jan@hotmail.com",
        "jan@kpnmial.nl,         jan@kpnmail.nl",
        "jan@gamil.com,          jan@gmail.com",
        "jan@gmaill.com,         jan@gmail.com",
        "jan@outlok.com,         jan@outlook.com",
        "jan@hotmai.nl,          jan@hotmail.nl",
        "jan@zigo.nl,            jan@ziggo.nl",
        "jan@xs4al.nl,           jan@xs4all.nl",
        "jan@yaho.com,           jan@yahoo.com",
        "jan@telfrot.nl,         jan@telfort.nl",
        "jan@quiknet.nl,         jan@quicknet.nl",
        "jan@zeelandnte.nl,      jan@zeelandnet.nl",
        "jan@kpnplant.nl,        jan@kpnplanet.nl",
        "jan@hoem.nl,            jan@home.nl",
        "jan@lvie.nl,            jan@live.nl",
        // its ending mistyped, or both
        "jan@ziggo.nk,           jan@ziggo.nl",
        "jan@gmail.con,          jan@gmail.com",
        "jan@hotmail.nll,        jan@hotmail.nl",
        "jan@gmail.cm,           jan@gmail.com",
        "jan@gmail.comm,         jan@gmail.com",
        "jan@icloud.con,         jan@icloud.com",
        "jan@gmial.con,          jan@gmail.com",
        // an ending that exists nowhere, on any domain
        "jan@nov.nk,             jan@nov.nl",
        // the part before the @ as typed, the domain in lower case, spaces around left out
        "Fatima.El-Amrani@GMIAL.com, Fatima.El-Amrani@gmail.com",
        "'  jan@gmial.com ',     jan@gmail.com",
        // real addresses: providers themselves, organisations, short domains far from any provider
        "jan@gmail.com,",
        "jan@hotmail.nl,",
        "jan@kpnmail.nl,",
        "jan@ymail.com,",
        "jan@mail.com,",
        "secretariaat@nov.nl,",
        "info@gemeente.nl,",
        "fatima@buurthuis-delinde.nl,",
        "sanne@taalcafedebrug.nl,",
        "jan@example.org,",
        "jan@uu.nl,",
        "jan@some.nl,",
        "jan@lime.nl,",
        // the same provider elsewhere, and a real ending that is near only on a non-provider
        "jan@hotmail.be,",
        "jan@hotmail.co.uk,",
        "jan@nov.cm,",
        // no address (yet): the API says what is wrong
        "geen-adres,",
        "jan@,",
        "@gmial.com,",
        "jan@gmial,",
    })
    void suggestsTheProviderForALikelyTypoAndNothingForARealAddress(String typed, String expected) {
        assertThat(suggestion(typed)).isEqualTo(expected);
    }
}

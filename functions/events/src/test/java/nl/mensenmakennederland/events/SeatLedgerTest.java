package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.mensenmakennederland.events.SeatLedger.Placement;
import nl.mensenmakennederland.events.SeatLedger.Turn;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import org.junit.jupiter.api.Test;

class SeatLedgerTest {

    private static final Waiting ANNA = new Waiting("anna", 1);
    private static final Waiting BRAM = new Waiting("bram", 2);
    private static final Waiting COR = new Waiting("cor", 3);
    private static final Waiting DIRK = new Waiting("dirk", 1);

    @Test
    void seatsLeftIsCapacityMinusConfirmedAndNeverNegative() {
        assertThat(new SeatLedger(50, 12, List.of(), 0).seatsLeft()).isEqualTo(38);
        assertThat(new SeatLedger(10, 12, List.of(), 0).seatsLeft()).isZero();
    }

    @Test
    void aNewcomerIsConfirmedWhileSeatsAreLeftAndNobodyWaits() {
        assertThat(new SeatLedger(20, 17, List.of(), 4).place(3, true)).isInstanceOf(Placement.Confirmed.class);
        assertThat(new SeatLedger(20, 17, List.of(), 4).confirmsNewcomer(3)).isTrue();
        assertThat(new SeatLedger(20, 17, List.of(), 4).confirmsNewcomer(4)).isFalse(); // never overbooked
    }

    @Test
    void whoDoesNotFitJoinsTheEndOfTheLine() {
        SeatLedger ledger = new SeatLedger(20, 19, List.of(ANNA, BRAM), 4);

        assertThat(ledger.place(2, true)).isEqualTo(new Placement.Waitlisted(3));
        // Where the line ends up in the table: PlacementRuleTest.
    }

    @Test
    void aFreeSeatBelongsToTheLineNotToANewcomer() {
        // One seat is free, but a group of three waits for it: the newcomer queues behind them.
        SeatLedger ledger = new SeatLedger(20, 19, List.of(COR), 4);

        assertThat(ledger.place(1, true)).isInstanceOf(Placement.Waitlisted.class);
        assertThat(ledger.confirmsNewcomer(1)).isFalse();
    }

    @Test
    void withoutAWaitingListAFullEventRefuses() {
        assertThat(new SeatLedger(20, 20, List.of(), 4).place(1, false)).isInstanceOf(Placement.Full.class);
    }

    @Test
    void promotionFollowsTheLineAndStopsAtTheFirstThatDoesNotFit() {
        SeatLedger ledger = new SeatLedger(20, 16, List.of(ANNA, BRAM, COR, DIRK), 9);

        List<Waiting> promoted = ledger.promotable(25);

        assertThat(promoted).containsExactly(ANNA, BRAM);
        assertThat(ledger.promote(promoted)).isEqualTo(new SeatLedger(20, 19, List.of(COR, DIRK), 10));
    }

    @Test
    void eachPlaceInLineMovesUpFromTheCapacityThatAlsoHoldsEveryoneBeforeIt() {
        SeatLedger ledger = new SeatLedger(20, 16, List.of(ANNA, BRAM, COR, DIRK), 9);

        assertThat(ledger.turns()).containsExactly(new Turn(1, ANNA, 17), new Turn(2, BRAM, 19), new Turn(3, COR, 22),
                new Turn(4, DIRK, 23));
        // At 21 Dirk's one seat would fit, but he waits behind Cor's three.
        assertThat(ledger.withCapacity(21).promotable(25)).containsExactly(ANNA, BRAM);
        assertThat(ledger.withCapacity(23).promotable(25)).containsExactly(ANNA, BRAM, COR, DIRK);
    }

    @Test
    void onlyTheFrontOfTheLineCanMoveUp() {
        SeatLedger ledger = new SeatLedger(20, 0, List.of(ANNA, BRAM), 0);

        assertThatThrownBy(() -> ledger.promote(List.of(BRAM))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promotionIsLimitedPerStep() {
        assertThat(new SeatLedger(100, 0, List.of(ANNA, DIRK, new Waiting("eva", 1)), 0).promotable(2)).hasSize(2);
    }

    @Test
    void leavingTheLineAndReleasingSeatsChangeOnlyWhatTheySay() {
        SeatLedger ledger = new SeatLedger(20, 20, List.of(ANNA, BRAM), 3);

        assertThat(ledger.leaveLine("anna")).isEqualTo(new SeatLedger(20, 20, List.of(BRAM), 4));
        assertThat(ledger.release(2)).isEqualTo(new SeatLedger(20, 18, List.of(ANNA, BRAM), 4));
    }

    @Test
    void capacityCannotDropBelowTheConfirmedSeats() {
        assertThat(new SeatLedger(20, 15, List.of(), 0).minimumCapacity()).isEqualTo(15);
        assertThatThrownBy(() -> new SeatLedger(20, 15, List.of(), 0).withCapacity(14)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SeatLedger(20, 15, List.of(), 0).withCapacity(15).seatsLeft()).isZero();
        assertThat(SeatLedger.empty(20).minimumCapacity()).as("an event keeps one seat at least").isEqualTo(1);
    }

    @Test
    void theWaitingListStaysOnWhilePeopleWaitOnIt() {
        assertThat(new SeatLedger(20, 20, List.of(ANNA), 0).waitlistRequired()).isTrue();
        assertThat(new SeatLedger(20, 20, List.of(ANNA), 0).leaveLine("anna").waitlistRequired()).isFalse();
    }
}

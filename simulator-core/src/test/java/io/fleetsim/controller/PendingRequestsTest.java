package io.fleetsim.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

  @Test
  void eachAnswerFindsItsRequestOnceWhateverTheOrder() {
    PendingRequests pending = new PendingRequests();
    List<CompletableFuture<Msg>> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) { // past the first array's room for two
      CompletableFuture<Msg> f = new CompletableFuture<>();
      sent.add(f);
      pending.put("ctl-" + i, f);
    }
    for (int i : new int[] {3, 9, 0, 5}) {
      assertThat(pending.remove("ctl-" + i)).isSameAs(sent.get(i));
      assertThat(pending.remove("ctl-" + i)).as("answered twice").isNull();
    }
    assertThat(pending.remove("ctl-77")).isNull();
    assertThat(pending.size()).isEqualTo(6);
    assertThat(pending.removeAll())
        .containsExactlyInAnyOrder(
            sent.get(1), sent.get(2), sent.get(4), sent.get(6), sent.get(7), sent.get(8));
    assertThat(pending.size()).isZero();
    assertThat(pending.removeAll()).isEmpty();
  }

  @Test
  void emptiedItTakesNewRequests() {
    PendingRequests pending = new PendingRequests();
    CompletableFuture<Msg> a = new CompletableFuture<>();
    pending.put("ctl-1", a);
    assertThat(pending.remove("ctl-1")).isSameAs(a);
    CompletableFuture<Msg> b = new CompletableFuture<>();
    pending.put("ctl-2", b);
    assertThat(pending.remove("ctl-2")).isSameAs(b);
  }
}

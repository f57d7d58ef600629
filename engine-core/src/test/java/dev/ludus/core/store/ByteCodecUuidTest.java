package dev.ludus.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.core.internal.util.EventIds;
import org.junit.jupiter.api.Test;

class ByteCodecUuidTest {
    @Test
    void aJustGeneratedIdGivesTheSameHalvesAsItsParsedCopy() {
        String id = EventIds.random();
        byte[] handedOver = new byte[16];
        byte[] parsed = new byte[16];

        assertThat(ByteCodec.readUuid(id, handedOver, 0, 8)).isTrue();
        assertThat(ByteCodec.readUuid(new String(id.toCharArray()), parsed, 0, 8)).isTrue();

        assertThat(handedOver).isEqualTo(parsed);
        assertThat(ByteCodec.uuidAt(handedOver, 0, 8)).isEqualTo(id);
    }

    @Test
    void readsOnlyUuidsInCanonicalLowerCaseForm() {
        String id = "3f2a9c1e-7b4d-4e8a-9f01-c2d3e4b5a6f7";
        byte[] b = new byte[16];
        assertThat(ByteCodec.readUuid(id, b, 0, 8)).isTrue();
        assertThat(ByteCodec.uuidAt(b, 0, 8)).isEqualTo(id);

        assertThat(ByteCodec.readUuid(id.toUpperCase(), b, 0, 8)).isFalse();
        assertThat(ByteCodec.readUuid(id.replace('-', '_'), b, 0, 8)).isFalse();
        assertThat(ByteCodec.readUuid(id.substring(1), b, 0, 8)).isFalse();
        // A char whose low byte is a hex digit ('\u0130' ends in 0x30, '0') is not one.
        assertThat(ByteCodec.readUuid(id.substring(0, 35) + '\u0130', b, 0, 8)).isFalse();
    }
}

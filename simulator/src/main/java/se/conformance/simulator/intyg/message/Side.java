package se.conformance.simulator.intyg.message;

/** Who sent a message: the recipient (FK, TS … via SendMessageToCare) or care (via SendMessageToRecipient). */
public enum Side { RECIPIENT, CARE }

package validation;

/** Switched on inside generators: javac reads {@code Switches$1.$SwitchMap$validation$Color}, ECJ calls {@code $SWITCH_TABLE$validation$Color()}. */
public enum Color {
    RED, GREEN, BLUE, BLACK
}

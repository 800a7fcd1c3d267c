package run

import (
	"errors"
	"fmt"
	"os"

	"github.com/gpwr/gpwr/internal/output"
	starter "github.com/gpwr/gpwr/templates/config"
)

// Init writes the commented starter configuration to path for a gmina to fill
// in. An existing file is never overwritten.
func Init(env *Env, path string) error {
	if path == "" {
		return Usagef("podaj plik do utworzenia: gpwr init --out gmina.toml")
	}
	if _, err := os.Stat(path); err == nil {
		return Usagef("plik %s już istnieje; gpwr init nie nadpisuje konfiguracji – podaj inną nazwę", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("nie można sprawdzić pliku %s: %w", path, err)
	}
	if err := output.WriteFile(path, starter.Starter); err != nil {
		return fmt.Errorf("nie można zapisać pliku %s (czy katalog istnieje?): %w", path, err)
	}
	env.say("Utworzono %s. Uzupełnij pola oznaczone „UZUPEŁNIJ”, a potem: gpwr check --config %s --year RRRR.", path, path)
	return nil
}

// Stadsstem's one server process: PocketBase used as a Go framework, modelled
// on PocketBase's examples/base without the self-update plugin (a city's IT
// updates through its own release process, never from inside the server).
package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
)

func main() {
	app := pocketbase.New()

	var hooksDir, migrationsDir, publicDir, kioskDir string
	var hooksWatch, automigrate bool
	var hooksPool int

	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&hooksDir, "hooksDir", besideBinary("pb_hooks"), "the directory with the JS app hooks")
	flags.BoolVar(&hooksWatch, "hooksWatch", true, "restart the app when a pb_hooks file changes")
	flags.IntVar(&hooksPool, "hooksPool", 15, "the number of prewarmed JS runtimes for the hooks")
	flags.StringVar(&migrationsDir, "migrationsDir", besideBinary("pb_migrations"), "the directory with the JS migrations")
	flags.BoolVar(&automigrate, "automigrate", false, "generate a migration file when a collection changes in the dashboard")
	flags.StringVar(&publicDir, "publicDir", besideBinary("../build/citizen"), "the citizen build, served at /")
	flags.StringVar(&kioskDir, "kioskDir", besideBinary("../build/kiosk"), "the kiosk build, served at /kiosk/")

	_ = app.RootCmd.ParseFlags(os.Args[1:])

	jsvm.MustRegister(app, jsvm.Config{
		MigrationsDir: migrationsDir,
		HooksDir:      hooksDir,
		HooksWatch:    hooksWatch,
		HooksPoolSize: hooksPool,
	})

	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangJS,
		Automigrate:  automigrate,
		Dir:          migrationsDir,
	})

	// The static routes bind last so that API, Open311 and hook routes win.
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Func: func(e *core.ServeEvent) error {
			// Each build has its own index.html fallback: a deep link into the
			// kiosk must boot the kiosk app, never the citizen one.
			e.Router.GET("/kiosk", func(re *core.RequestEvent) error {
				return re.Redirect(http.StatusMovedPermanently, "/kiosk/")
			})
			e.Router.GET("/kiosk/{path...}", apis.Static(os.DirFS(kioskDir), true))
			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				e.Router.GET("/{path...}", apis.Static(os.DirFS(publicDir), true))
			}
			return e.Next()
		},
		Priority: 999,
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// besideBinary resolves a default path relative to the executable, so the
// server finds its migrations and builds wherever it is started from.
func besideBinary(rel string) string {
	exe, err := os.Executable()
	if err != nil {
		return rel
	}
	return filepath.Join(filepath.Dir(exe), rel)
}

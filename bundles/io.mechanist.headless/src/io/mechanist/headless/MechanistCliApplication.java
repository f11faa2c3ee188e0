package io.mechanist.headless;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Eclipse application behind {@code ./mechanist <verb>}: runs one verb and exits with its code. */
public class MechanistCliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int code;
        try {
            code = new Cli(Commands.all()).run(args == null ? new String[0] : args, System.out, System.err);
        } catch (Throwable e) {
            // Cli.run reports a verb's failures itself; this is the last net, so that nothing exits 0 in silence.
            System.err.println("mechanist: error: " + FailureMessages.describe(e, null));
            code = Cli.FAILED;
        }
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // A verb runs to its end or is cancelled by the process being stopped.
    }
}

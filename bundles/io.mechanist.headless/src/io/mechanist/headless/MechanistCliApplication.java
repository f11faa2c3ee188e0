package io.mechanist.headless;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Eclipse application behind {@code ./mechanist <verb>}: runs one verb and exits with its code. */
public class MechanistCliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int code = new Cli(Commands.all()).run(args == null ? new String[0] : args, System.out, System.err);
        System.out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // A verb runs to its end or is cancelled by the process being stopped.
    }
}

package io.mechanist.ui.application;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Mechanist perspective: models and stores on the left, analysis views in the middle, properties, progress
 * and the error log at the bottom. Views of plug-ins join through placeholders matched by id prefix.
 */
public class MechanistPerspective implements IPerspectiveFactory {

    public static final String ID = "io.mechanist.ui.perspective";
    public static final String MODEL_LIBRARY_VIEW = "io.mechanist.ui.models.ModelLibraryView";
    public static final String STORE_NAVIGATOR = "io.mechanist.ui.store.StoreNavigator";
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);

        IFolderLayout left = layout.createFolder("io.mechanist.ui.left", IPageLayout.LEFT, 0.25f, editorArea);
        left.addView(STORE_NAVIGATOR);
        left.addView(MODEL_LIBRARY_VIEW);
        left.addPlaceholder("io.mechanist.ui.store.*");

        IFolderLayout main = layout.createFolder("io.mechanist.ui.main", IPageLayout.TOP, 0.7f, editorArea);
        main.addPlaceholder("io.mechanist.ui.*:*");
        main.addPlaceholder("io.mechanist.ui.heatmap.*");
        main.addPlaceholder("io.mechanist.ui.probes.*");
        main.addPlaceholder("io.mechanist.ui.steering.*");

        IFolderLayout bottom = layout.createFolder("io.mechanist.ui.bottom", IPageLayout.BOTTOM, 0.7f, "io.mechanist.ui.main");
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(PROGRESS_VIEW);
        bottom.addView(ERROR_LOG_VIEW);

        layout.addShowViewShortcut(STORE_NAVIGATOR);
        layout.addShowViewShortcut(MODEL_LIBRARY_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        layout.addShowViewShortcut(ERROR_LOG_VIEW);
        layout.addPerspectiveShortcut(ID);
    }
}

package io.mechanist.ui.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.PathEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.mechanist.djl.DjlEngines;

/** Window > Preferences > Mechanist: model folders and the DJL cache folder. */
public class MechanistPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public MechanistPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, MechanistPreferences.NODE));
        setDescription("Where Mechanist finds Hugging Face checkpoint folders (config.json, *.safetensors, "
                + "tokenizer.json), and where DJL keeps its native libraries (about 430 MB, extracted once; "
                + "default " + DjlEngines.cacheDir() + "; a change applies at the next start).");
    }

    @Override
    public void init(IWorkbench workbench) {
        // Nothing to prepare: the store is set in the constructor.
    }

    @Override
    protected void createFieldEditors() {
        addField(new PathEditor(MechanistPreferences.MODEL_FOLDERS, "&Model folders:", "Add a model folder",
                getFieldEditorParent()));
        addField(new DirectoryFieldEditor(MechanistPreferences.DJL_CACHE_FOLDER, "DJL &cache folder:",
                getFieldEditorParent()));
    }
}

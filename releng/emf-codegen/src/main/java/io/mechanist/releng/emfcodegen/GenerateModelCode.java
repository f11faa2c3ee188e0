package io.mechanist.releng.emfcodegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Regenerates the model code of one bundle from its {@code .genmodel}, the way Eclipse's "Reload" and
 * "Generate Model Code" do, but headless: the generator model is rebuilt from the current {@code .ecore}
 * (keeping the options written in the {@code .genmodel}), saved back, and EMF's own generator (its compiled
 * JET templates) writes the Java sources. The model directory is emptied first, so src-gen never carries stale
 * files and nothing has to be merged; hand-written code belongs in the bundle's src/ folder.
 *
 * <p>Argument: the path of the {@code .genmodel}, which must lie in {@code <bundle>/model/}. The bundle folder's
 * name is taken as the Eclipse project name that the genmodel's {@code modelDirectory} refers to.
 */
public final class GenerateModelCode {

    private GenerateModelCode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateModelCode <path/to/bundle/model/x.genmodel>");
        }
        Path genModelPath = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(genModelPath)) {
            throw new IOException("genmodel not found: " + genModelPath);
        }
        Path bundleDir = genModelPath.getParent().getParent();
        String project = bundleDir.getFileName().toString();

        // Outside Eclipse there is no workspace: map platform:/resource/<project>/ onto the bundle folder.
        URI projectUri = URI.createPlatformResourceURI("/" + project + "/", true);
        URI folderUri = URI.createFileURI(bundleDir.toString() + "/");
        EcorePlugin.getPlatformResourceMap().put(project, folderUri);
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);

        ResourceSet resources = new ResourceSetImpl();
        resources.getURIConverter().getURIMap().put(projectUri, folderUri);
        resources.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        resources.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());

        Resource genModelResource = resources.getResource(URI.createFileURI(genModelPath.toString()), true);
        GenModel previous = (GenModel) genModelResource.getContents().get(0);
        List<EPackage> ecorePackages = previous.getGenPackages().stream().map(GenPackage::getEcorePackage).toList();
        for (EPackage ecorePackage : ecorePackages) {
            if (ecorePackage == null || ecorePackage.eIsProxy()) {
                throw new IOException(genModelPath + ": a genPackage points at an .ecore package that cannot be loaded");
            }
        }

        // Rebuild the generator model from the current .ecore and carry the old options over ("Reload").
        GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
        genModel.initialize(ecorePackages);
        genModelResource.getContents().set(0, genModel);
        genModel.reconcile(previous);
        genModel.getForeignModel().addAll(previous.getForeignModel());
        genModel.setCanGenerate(true);
        genModelResource.save(null);

        Diagnostic validation = genModel.diagnose();
        if (validation.getSeverity() == Diagnostic.ERROR) {
            throw new IOException("genmodel is not valid: " + validation);
        }

        Path modelDirectory = bundleDir.resolve(stripProject(genModel.getModelDirectory(), project));
        deleteTree(modelDirectory);

        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor.Printing(System.out));
        if (result.getSeverity() == Diagnostic.ERROR) {
            throw new IOException("generation failed: " + result);
        }
        try (Stream<Path> files = Files.walk(modelDirectory)) {
            System.out.println("generated " + files.filter(Files::isRegularFile).count() + " files into " + modelDirectory);
        }
    }

    private static String stripProject(String modelDirectory, String project) {
        String prefix = "/" + project + "/";
        if (!modelDirectory.startsWith(prefix)) {
            throw new IllegalArgumentException("modelDirectory " + modelDirectory + " is not inside project " + project);
        }
        return modelDirectory.substring(prefix.length());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

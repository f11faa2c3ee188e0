/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Model Ref</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A model checkpoint folder that captures were taken from, with its key configuration values and the hashes of its files.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.ModelRef#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getArchitecture <em>Architecture</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getFamily <em>Family</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getNumLayers <em>Num Layers</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getDModel <em>DModel</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getNumHeads <em>Num Heads</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getVocabSize <em>Vocab Size</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getWeightDtype <em>Weight Dtype</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getConfig <em>Config</em>}</li>
 *   <li>{@link io.mechanist.model.ModelRef#getFiles <em>Files</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getModelRef()
 * @model
 * @generated
 */
public interface ModelRef extends Identified {
	/**
	 * Returns the value of the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Folder</em>' attribute.
	 * @see #setFolder(String)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_Folder()
	 * @model
	 * @generated
	 */
	String getFolder();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getFolder <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Folder</em>' attribute.
	 * @see #getFolder()
	 * @generated
	 */
	void setFolder(String value);

	/**
	 * Returns the value of the '<em><b>Architecture</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Architecture</em>' attribute.
	 * @see #setArchitecture(String)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_Architecture()
	 * @model
	 * @generated
	 */
	String getArchitecture();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getArchitecture <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Architecture</em>' attribute.
	 * @see #getArchitecture()
	 * @generated
	 */
	void setArchitecture(String value);

	/**
	 * Returns the value of the '<em><b>Family</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Family</em>' attribute.
	 * @see #setFamily(String)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_Family()
	 * @model
	 * @generated
	 */
	String getFamily();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getFamily <em>Family</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Family</em>' attribute.
	 * @see #getFamily()
	 * @generated
	 */
	void setFamily(String value);

	/**
	 * Returns the value of the '<em><b>Num Layers</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Num Layers</em>' attribute.
	 * @see #setNumLayers(int)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_NumLayers()
	 * @model
	 * @generated
	 */
	int getNumLayers();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getNumLayers <em>Num Layers</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Num Layers</em>' attribute.
	 * @see #getNumLayers()
	 * @generated
	 */
	void setNumLayers(int value);

	/**
	 * Returns the value of the '<em><b>DModel</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>DModel</em>' attribute.
	 * @see #setDModel(int)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_DModel()
	 * @model
	 * @generated
	 */
	int getDModel();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getDModel <em>DModel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>DModel</em>' attribute.
	 * @see #getDModel()
	 * @generated
	 */
	void setDModel(int value);

	/**
	 * Returns the value of the '<em><b>Num Heads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Num Heads</em>' attribute.
	 * @see #setNumHeads(int)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_NumHeads()
	 * @model
	 * @generated
	 */
	int getNumHeads();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getNumHeads <em>Num Heads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Num Heads</em>' attribute.
	 * @see #getNumHeads()
	 * @generated
	 */
	void setNumHeads(int value);

	/**
	 * Returns the value of the '<em><b>Vocab Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Vocab Size</em>' attribute.
	 * @see #setVocabSize(int)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_VocabSize()
	 * @model
	 * @generated
	 */
	int getVocabSize();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getVocabSize <em>Vocab Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Vocab Size</em>' attribute.
	 * @see #getVocabSize()
	 * @generated
	 */
	void setVocabSize(int value);

	/**
	 * Returns the value of the '<em><b>Weight Dtype</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Weight Dtype</em>' attribute.
	 * @see #setWeightDtype(String)
	 * @see io.mechanist.model.MechanistPackage#getModelRef_WeightDtype()
	 * @model
	 * @generated
	 */
	String getWeightDtype();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ModelRef#getWeightDtype <em>Weight Dtype</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Weight Dtype</em>' attribute.
	 * @see #getWeightDtype()
	 * @generated
	 */
	void setWeightDtype(String value);

	/**
	 * Returns the value of the '<em><b>Config</b></em>' map.
	 * The key is of type {@link java.lang.String},
	 * and the value is of type {@link java.lang.String},
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Config</em>' map.
	 * @see io.mechanist.model.MechanistPackage#getModelRef_Config()
	 * @model mapType="io.mechanist.model.StringEntry&lt;org.eclipse.emf.ecore.EString, org.eclipse.emf.ecore.EString&gt;"
	 * @generated
	 */
	EMap<String, String> getConfig();

	/**
	 * Returns the value of the '<em><b>Files</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.FileDigest}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Files</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getModelRef_Files()
	 * @model containment="true"
	 * @generated
	 */
	EList<FileDigest> getFiles();

} // ModelRef
